using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.SqlServer
{
    /// <summary>
    /// SQL Server gets no index: full-text search is an optional feature the usual container images lack,
    /// so LikeItemSearch reads the table. Only the search text's new shape needs the rows written again.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search text is now words between single spaces; DatabaseInitializer writes it again for every item.
            migrationBuilder.Sql("UPDATE [Items] SET [SearchText] = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
