using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OperatorFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sources_Url",
                table: "Sources");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Sources",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedLanguage",
                table: "Sources",
                type: "nvarchar(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FullContent",
                table: "Sources",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Sources",
                type: "nvarchar(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextPollAt",
                table: "Sources",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextPollReason",
                table: "Sources",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Password",
                table: "Sources",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHeaders",
                table: "Sources",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "UrlHash",
                table: "Sources",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Username",
                table: "Sources",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Items",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MergedFeeds",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SourceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Include = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Exclude = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Categories = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Language = table.Column<string>(type: "nvarchar(35)", maxLength: 35, nullable: true),
                    Limit = table.Column<int>(type: "int", nullable: true),
                    Private = table.Column<bool>(type: "bit", nullable: false),
                    Token = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Origin = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedFeeds", x => x.Slug);
                });

            // Rows from before this migration get a unique placeholder; DatabaseInitializer puts the real SHA-256 in (SQL has no portable one).

            migrationBuilder.Sql("UPDATE [Sources] SET [UrlHash] = 'pending:' + CAST([Id] AS varchar(36));");


            migrationBuilder.CreateIndex(
                name: "IX_Sources_UrlHash",
                table: "Sources",
                column: "UrlHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MergedFeeds");

            migrationBuilder.DropIndex(
                name: "IX_Sources_UrlHash",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "FeedLanguage",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "FullContent",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "NextPollAt",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "NextPollReason",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Password",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "RequestHeaders",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "UrlHash",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Username",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Items");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Url",
                table: "Sources",
                column: "Url",
                unique: true);
        }
    }
}
