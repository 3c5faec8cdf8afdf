using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.PostgreSql
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedLanguage",
                table: "Sources",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FullContent",
                table: "Sources",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Sources",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextPollAt",
                table: "Sources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextPollReason",
                table: "Sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Password",
                table: "Sources",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHeaders",
                table: "Sources",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "UrlHash",
                table: "Sources",
                type: "character varying(64)",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Username",
                table: "Sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MergedFeeds",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    SourceIds = table.Column<string>(type: "text", nullable: false),
                    Include = table.Column<string>(type: "text", nullable: false),
                    Exclude = table.Column<string>(type: "text", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    Limit = table.Column<int>(type: "integer", nullable: true),
                    Private = table.Column<bool>(type: "boolean", nullable: false),
                    Token = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedFeeds", x => x.Slug);
                });

            // Rows from before this migration get a unique placeholder; DatabaseInitializer puts the real SHA-256 in (SQL has no portable one).

            migrationBuilder.Sql("UPDATE \"Sources\" SET \"UrlHash\" = 'pending:' || \"Id\"::text;");


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
