using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search text is now words between single spaces; DatabaseInitializer writes it again for every item.
            migrationBuilder.Sql("UPDATE \"Items\" SET \"SearchText\" = NULL;");

            // GIN over to_tsvector('simple', coalesce("SearchText", '')), the expression PostgreSqlItemSearch queries.
            migrationBuilder.CreateIndex(
                name: "IX_Items_SearchText",
                table: "Items",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Items_SearchText",
                table: "Items");
        }
    }
}
