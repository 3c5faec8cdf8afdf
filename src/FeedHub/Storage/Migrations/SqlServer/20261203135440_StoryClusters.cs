using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StoryClusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CollapseStories",
                table: "MergedFeeds",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "ClusterId",
                table: "Items",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoryClusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OriginalItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OriginalOutlet = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    OriginalAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Credited = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryKeys",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SortAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryKeys", x => new { x.Key, x.ItemId });
                    table.ForeignKey(
                        name: "FK_StoryKeys_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ClusterId",
                table: "Items",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_ItemId",
                table: "StoryKeys",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_Key_SortAt",
                table: "StoryKeys",
                columns: new[] { "Key", "SortAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_SortAt",
                table: "StoryKeys",
                column: "SortAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoryClusters");

            migrationBuilder.DropTable(
                name: "StoryKeys");

            migrationBuilder.DropIndex(
                name: "IX_Items_ClusterId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "CollapseStories",
                table: "MergedFeeds");

            migrationBuilder.DropColumn(
                name: "ClusterId",
                table: "Items");
        }
    }
}
