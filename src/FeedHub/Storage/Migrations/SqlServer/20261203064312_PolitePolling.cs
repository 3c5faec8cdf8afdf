using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedHub.Storage.Migrations.SqlServer
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovedTo",
                table: "Sources",
                type: "nvarchar(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MovedToSeen",
                table: "Sources",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PollHints",
                table: "Sources",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "HostLeases",
                columns: table => new
                {
                    Host = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Slot = table.Column<int>(type: "int", nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HostLeases", x => new { x.Host, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "HostTurns",
                columns: table => new
                {
                    Host = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    NextStartAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
