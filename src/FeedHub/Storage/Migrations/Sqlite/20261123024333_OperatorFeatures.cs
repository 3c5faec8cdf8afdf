using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.Sqlite
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

            migrationBuilder.AddColumn<long>(
                name: "ArchivedAt",
                table: "Sources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeedLanguage",
                table: "Sources",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FullContent",
                table: "Sources",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Sources",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextPollAt",
                table: "Sources",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextPollReason",
                table: "Sources",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Password",
                table: "Sources",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHeaders",
                table: "Sources",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "UrlHash",
                table: "Sources",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Username",
                table: "Sources",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MergedFeeds",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    SourceIds = table.Column<string>(type: "TEXT", nullable: false),
                    Include = table.Column<string>(type: "TEXT", nullable: false),
                    Exclude = table.Column<string>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    Limit = table.Column<int>(type: "INTEGER", nullable: true),
                    Private = table.Column<bool>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergedFeeds", x => x.Slug);
                });

            // Rows from before this migration get a unique placeholder; DatabaseInitializer puts the real SHA-256 in (SQL has no portable one).

            migrationBuilder.Sql("UPDATE \"Sources\" SET \"UrlHash\" = 'pending:' || \"Id\";");


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
