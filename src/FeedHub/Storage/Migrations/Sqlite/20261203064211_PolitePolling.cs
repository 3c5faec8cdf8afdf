using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PolitePolling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisabledReason",
                table: "Sources",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovedTo",
                table: "Sources",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MovedToSeen",
                table: "Sources",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PollHints",
                table: "Sources",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "HostLeases",
                columns: table => new
                {
                    Host = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostLeases", x => new { x.Host, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "HostTurns",
                columns: table => new
                {
                    Host = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    NextStartAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostTurns", x => x.Host);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HostLeases");

            migrationBuilder.DropTable(
                name: "HostTurns");

            migrationBuilder.DropColumn(
                name: "DisabledReason",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "MovedTo",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "MovedToSeen",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "PollHints",
                table: "Sources");
        }
    }
}
