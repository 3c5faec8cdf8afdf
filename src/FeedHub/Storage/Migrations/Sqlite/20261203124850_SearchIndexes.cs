using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 index Fts5ItemSearch queries. It is an external-content table over Items.SearchText keyed
    /// by Items' rowid, so the text is stored once; the triggers keep it in step with every write. A later
    /// migration that rebuilds the Items table (EF copies the rows into a new table, giving them new
    /// rowids, and drops the triggers with the old table) must create the triggers again and run
    /// INSERT INTO "ItemsSearch"("ItemsSearch") VALUES ('rebuild').
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search text is now words between single spaces; DatabaseInitializer writes it again for
            // every item, and the update trigger indexes each row as it does.
            migrationBuilder.Sql("UPDATE \"Items\" SET \"SearchText\" = NULL;");

            // remove_diacritics 0: FoldedText has folded already, and the tokenizer must not fold further
            // than SQL Server's LIKE or PostgreSQL's parser would.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ItemsSearch" USING fts5(
                    "SearchText", content='Items', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_SearchInsert" AFTER INSERT ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_SearchDelete" AFTER DELETE ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"("ItemsSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"("ItemsSearch", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
                    INSERT INTO "ItemsSearch"(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
                END;
                """);
            migrationBuilder.Sql("INSERT INTO \"ItemsSearch\"(\"ItemsSearch\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"Items_SearchUpdate\";");
            migrationBuilder.Sql("DROP TRIGGER \"Items_SearchDelete\";");
            migrationBuilder.Sql("DROP TRIGGER \"Items_SearchInsert\";");
            migrationBuilder.Sql("DROP TABLE \"ItemsSearch\";");
        }
    }
}
