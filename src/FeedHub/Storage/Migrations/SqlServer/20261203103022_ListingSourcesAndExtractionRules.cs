using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListingSourcesAndExtractionRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Extraction",
                table: "Sources",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Listing",
                table: "Sources",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Extraction",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "Listing",
                table: "Sources");
        }
    }
}
