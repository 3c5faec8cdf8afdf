using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeedHub.Feeds;
using FeedHub.Sources;
using FeedHub.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FeedHub.Benchmarks.Search;

/// <summary>
/// search-bench: fills a fresh database with generated Vietnamese-like news and times the first page of
/// typical searches (as GET /api/items?q= reads it) through the full-text index, through the word-start
/// LIKE that SQL Server uses, and through the LIKE '%word%' FeedHub used before the index.
/// </summary>
internal static class SearchBenchmark
{
    private const int QueriesPerKind = 50;
    private const int PageSize = 50;
    private const int RareTokens = 10_000;

    private static readonly string[] Vocabulary =
    [
        "việt", "nam", "hà", "nội", "đà", "nẵng", "giá", "vàng", "xăng", "tăng", "giảm", "thủ", "tướng", "chính", "phủ",
        "bão", "lũ", "miền", "trung", "bắc", "kinh", "tế", "thị", "trường", "chứng", "khoán", "ngân", "hàng", "học", "sinh",
        "giáo", "dục", "bóng", "đá", "đội", "tuyển", "thể", "thao", "sức", "khỏe", "bệnh", "viện", "giao", "thông", "đường",
        "sắt", "cao", "tốc", "du", "lịch", "biển", "đảo", "nông", "nghiệp", "lúa", "gạo", "cà", "phê", "xuất", "khẩu",
        "doanh", "công", "nghệ", "điện", "thoại", "mạng", "xã", "hội", "thời", "tiết", "nắng", "nóng", "mưa", "lớn", "quốc",
        "luật", "đất", "đai", "nhà", "ở", "cả", "người", "dân", "thành", "phố", "hồ", "chí", "minh", "cần", "thơ", "huế",
        "hải", "phòng", "quảng", "ninh", "tỉnh", "huyện", "xe", "máy", "ô", "tô", "tai", "nạn", "cháy", "rừng", "sông",
        "mê", "kông", "đồng", "bằng", "cửu", "long", "tây", "nguyên", "lễ", "hội", "tết", "nguyên", "đán", "mùa", "xuân",
    ];

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string provider, int items, string? connectionString)
    {
        await using BenchDatabase database = provider switch
        {
            "sqlite" => new SqliteBench(),
            "postgresql" => await BenchDatabase.PostgreSqlAsync(connectionString
                ?? Environment.GetEnvironmentVariable("FEEDHUB_BENCH_POSTGRES")
                ?? throw new ArgumentException("postgresql needs a connection string (argument or FEEDHUB_BENCH_POSTGRES)")).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown provider '{provider}': sqlite or postgresql"),
        };

        var fill = Stopwatch.StartNew();
        await using (var db = database.Open())
        {
            await db.Database.MigrateAsync().ConfigureAwait(false);
        }

        await FillAsync(database, items).ConfigureAwait(false);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{provider}: {items} items stored and indexed in {fill.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);

        var random = new Random(7);
        var kinds = new (string Kind, string[] Queries)[]
        {
            ("one common word", [.. Enumerable.Range(0, QueriesPerKind).Select(_ => Word(random, common: true))]),
            ("two words", [.. Enumerable.Range(0, QueriesPerKind).Select(_ => $"{Word(random, common: false)} {Word(random, common: false)}")]),
            ("prefix (3 letters)", [.. Enumerable.Range(0, QueriesPerKind).Select(_ => Prefix(random))]),
            ("rare word (~0.01 %)", [.. Enumerable.Range(0, QueriesPerKind).Select(_ => $"ma{random.Next(RareTokens)}")]),
            ("no match", [.. Enumerable.Range(0, QueriesPerKind).Select(n => $"zzq{n}")]),
        };
        var paths = new (string Name, Func<FeedHubDbContext, string, Task<IQueryable<StoredItem>>> Query)[]
        {
            ("index", (db, q) => ItemSearch.For(db).WithAllAsync(db.Items.AsNoTracking(), SearchPhrase.EachWordOf(q), CancellationToken.None)),
            ("word-start LIKE", (db, q) => Task.FromResult(LikeItemSearch.WithAll(db.Items.AsNoTracking(), SearchPhrase.EachWordOf(q)))),
            ("LIKE '%word%'", (db, q) => Task.FromResult(Contains(db, q))),
        };

        await Console.Out.WriteLineAsync($"first page of {PageSize}, newest first; {QueriesPerKind} queries per row; median / p95 in ms").ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"| query | {string.Join(" | ", paths.Select(p => p.Name))} |").ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"|---|{string.Concat(paths.Select(_ => "---:|"))}").ConfigureAwait(false);
        foreach (var (kind, queries) in kinds)
        {
            var cells = new List<string>();
            foreach (var (_, query) in paths)
            {
                var times = await TimeAsync(database, query, queries).ConfigureAwait(false);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{Percentile(times, 0.5):F1} / {Percentile(times, 0.95):F1}"));
            }

            await Console.Out.WriteLineAsync($"| {kind} | {string.Join(" | ", cells)} |").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>How FeedHub searched before the index: every folded word anywhere in the text.</summary>
    private static IQueryable<StoredItem> Contains(FeedHubDbContext db, string q)
    {
        var items = db.Items.AsNoTracking();
        foreach (var word in SearchPhrase.EachWordOf(q).Select(p => p.Text))
        {
            items = items.Where(i => i.SearchText != null && i.SearchText.Contains(word));
        }

        return items;
    }

    private static async Task<List<double>> TimeAsync(BenchDatabase database, Func<FeedHubDbContext, string, Task<IQueryable<StoredItem>>> query, string[] queries)
    {
        // A few untimed runs first: the plans and the pages they read are then as warm as a busy service's.
        foreach (var q in queries.Take(3))
        {
            await PageAsync(database, query, q).ConfigureAwait(false);
        }

        var times = new List<double>(queries.Length);
        foreach (var q in queries)
        {
            var watch = Stopwatch.StartNew();
            await PageAsync(database, query, q).ConfigureAwait(false);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task<int> PageAsync(BenchDatabase database, Func<FeedHubDbContext, string, Task<IQueryable<StoredItem>>> query, string q)
    {
        await using var db = database.Open();
        var page = await ItemPager.ReadAsync(await query(db, q).ConfigureAwait(false), null, PageSize, _ => true, CancellationToken.None).ConfigureAwait(false);
        return page.Items.Count;
    }

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task FillAsync(BenchDatabase database, int count)
    {
        const int batch = 5000;
        var random = new Random(42);
        var source = new Source { Id = Guid.NewGuid(), Name = "Báo mẫu", Url = "https://news.example.test/rss", Enabled = false, CreatedAt = Start };
        await using (var db = database.Open())
        {
            db.Sources.Add(source);
            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        for (var from = 0; from < count; from += batch)
        {
            await using var db = database.Open();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = from; n < Math.Min(count, from + batch); n++)
            {
                var at = Start.AddMinutes(n);
                var item = new StoredItem
                {
                    Id = Guid.NewGuid(),
                    SourceId = source.Id,
                    Key = n.ToString(CultureInfo.InvariantCulture),
                    Title = Sentence(random, random.Next(8, 15)),
                    Summary = $"{Sentence(random, random.Next(25, 41))} ma{n % RareTokens}",
                    ContentHash = "h",
                    DiscoveredAt = at,
                    PublishedAt = at,
                    SortAt = at,
                };
                item.SearchText = ItemSearchText.Of(item);
                db.Items.Add(item);
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        await using (var db = database.Open())
        {
            await database.AnalyzeAsync(db).ConfigureAwait(false);
        }
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var n = 0; n < words; n++)
        {
            var word = Word(random, common: false);
            text.Append(n == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(n == words - 1 ? "." : random.Next(8) == 0 ? ", " : " ");
        }

        return text.ToString();
    }

    /// <summary>Words drawn with a skew, as in real news: a few very common, most rarer.</summary>
    private static string Word(Random random, bool common)
    {
        var r = random.NextDouble();
        var index = common ? (int)(r * 10) : (int)(r * r * Vocabulary.Length);
        return Vocabulary[index];
    }

    private static string Prefix(Random random)
    {
        var words = Vocabulary.Select(w => Normalizing.FoldedText.Of(w)).Where(w => w.Length >= 3).ToList();
        return words[random.Next(words.Count)][..3];
    }

    private abstract class BenchDatabase : IAsyncDisposable
    {
        public static async Task<BenchDatabase> PostgreSqlAsync(string server)
        {
            var name = $"feedhub_bench_{Guid.NewGuid():N}";
            await PostgreSqlBench.ExecuteAsync(server, $"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
            return new PostgreSqlBench(server, name);
        }

        public abstract FeedHubDbContext Open();

        public abstract Task AnalyzeAsync(FeedHubDbContext db);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class SqliteBench : BenchDatabase
    {
        private readonly string folder = Directory.CreateTempSubdirectory("feedhub-search-bench-").FullName;

        public override FeedHubDbContext Open() => new SqliteFeedHubDbContext(new DbContextOptionsBuilder<SqliteFeedHubDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "feedhub.db")}").Options);

        public override Task AnalyzeAsync(FeedHubDbContext db) => db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; ANALYZE;");

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgreSqlBench(string server, string name) : BenchDatabase
    {
        public override FeedHubDbContext Open() => new PostgreSqlFeedHubDbContext(new DbContextOptionsBuilder<PostgreSqlFeedHubDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString).Options);

        public override Task AnalyzeAsync(FeedHubDbContext db) => db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Items\"");

        public static async Task ExecuteAsync(string server, string sql)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").ConfigureAwait(false);
        }
    }
}
