using System.Globalization;
using System.Text;

namespace FeedHub.Load;

/// <summary>
/// The text of farm items, as varied as a news day's: each item is a story of its own, told in syllables drawn
/// from a generator seeded by the item, except a share (<see cref="RepublishedShare"/>) that retells a wire
/// story several outlets carry at the same time ("Theo TTXVN"), which FeedHub's story clustering groups. The
/// farm first filled every item from one template, which made each item a near-duplicate of hundreds of others
/// across feeds: a load that no real set of feeds gives, and that measured clustering instead of the pipeline.
/// </summary>
internal static class FarmStories
{
    /// <summary>The share of items that retell a wire story rather than the outlet's own.</summary>
    public const double RepublishedShare = 0.1;

    /// <summary>About this many outlets carry each wire story of a round.</summary>
    private const int OutletsPerWireStory = 3;

    private const int TitleSyllables = 12;
    private const int SentenceSyllables = 18;
    private const int LeadSentences = 3;

    // Common Vietnamese syllables; stories are drawn from these, so two stories share a word pair about as often as real ones do.
    private static readonly string[] Syllables =
    [
        "an", "anh", "ba", "bài", "ban", "bán", "bảo", "bắt", "bệnh", "biển", "biết", "bình", "bộ", "bước", "ca", "các", "cải", "cán",
        "cao", "cấp", "cầu", "chế", "chi", "chính", "cho", "chủ", "chung", "chương", "có", "công", "cơ", "cục", "cung", "cuộc", "cư",
        "cứu", "dân", "dịch", "diễn", "doanh", "du", "dụng", "dự", "dương", "đã", "đại", "đang", "đào", "đạo", "đất", "đầu", "đề",
        "điểm", "điện", "định", "đoàn", "đô", "đối", "đông", "đồng", "động", "được", "đường", "gia", "giá", "giải", "giao", "giáo",
        "giữ", "hạ", "hải", "hàng", "hành", "hạn", "hệ", "hiện", "hình", "hóa", "học", "hội", "hợp", "huyện", "hướng", "khách",
        "khai", "khả", "khẩu", "khí", "khoa", "khu", "kiểm", "kinh", "kỳ", "lao", "lập", "lệ", "liên", "lĩnh", "loại", "lớn", "lực",
        "lượng", "lý", "mại", "mạnh", "mới", "mức", "năm", "năng", "nghiệp", "nghị", "người", "nguồn", "nhà", "nhận", "nhân", "nhất",
        "nhiều", "nội", "nông", "nước", "phát", "phần", "phí", "phòng", "phố", "phủ", "phương", "quan", "quản", "quốc", "quy", "quyết",
        "sản", "sách", "sáng", "sở", "sinh", "số", "sự", "sức", "tác", "tài", "tăng", "tâm", "tầng", "tế", "thành", "thanh", "thế",
        "thị", "thiết", "thông", "thời", "thu", "thuế", "thực", "thương", "tỉnh", "tin", "toàn", "tổ", "tổng", "trạm", "trình", "trung",
        "trường", "trưởng", "tuyến", "tư", "từ", "tướng", "văn", "vận", "viên", "việc", "việt", "vốn", "vực", "xã", "xây", "xuất",
        "xử", "y", "yêu", "ủy", "ương", "ứng", "ưu", "vùng", "vàng", "lãi", "suất", "cảng", "điều", "chỉnh", "hoạch", "triển",
    ];

    private static readonly string[] Places =
    [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Cần Thơ", "Hải Phòng", "Nghệ An", "Thanh Hóa", "Khánh Hòa", "Lâm Đồng", "Quảng Ninh",
        "Bình Dương", "Đồng Nai", "Huế", "Gia Lai", "Đắk Lắk", "An Giang", "Bắc Ninh", "Nam Định", "Quảng Nam", "Kiên Giang",
    ];

    private static readonly string[] WireAgencies = ["TTXVN", "Báo Chính phủ", "VOV", "Báo Nhân Dân"];

    /// <summary>The story item <paramref name="sequence"/> of feed <paramref name="feed"/> tells, out of <paramref name="feeds"/> feeds.</summary>
    public static FarmStory Of(int feeds, int feed, int sequence)
    {
        var draw = FarmHash.Mix(((ulong)(uint)feed << 32) | (uint)sequence);
        if (FarmHash.Fraction(draw) >= RepublishedShare)
        {
            return Tell(draw, credit: null);
        }

        // Items of one sequence number appear in one round across feeds, so a wire story is keyed by it.
        var wireStories = Math.Max(1, (int)(feeds * RepublishedShare / OutletsPerWireStory));
        var wire = FarmHash.Mix(0xFFFF_0000_0000_0000UL | ((ulong)(uint)sequence << 20) | ((draw >> 24) % (ulong)wireStories));
        return Tell(wire, credit: WireAgencies[(int)(wire % (ulong)WireAgencies.Length)]);
    }

    private static FarmStory Tell(ulong seed, string? credit)
    {
        var random = new SplitMix(seed);
        var place = Places[random.Next(Places.Length)];
        var figure = 10 + random.Next(990);
        var title = new StringBuilder(place).Append(' ');
        AppendWords(title, ref random, TitleSyllables);
        title.Append(CultureInfo.InvariantCulture, $" {figure} tỷ đồng");

        var lead = new StringBuilder();
        if (credit is not null)
        {
            lead.Append("Theo ").Append(credit).Append(", ");
        }

        lead.Append(place).Append(' ');
        for (var sentence = 0; sentence < LeadSentences; sentence++)
        {
            AppendWords(lead, ref random, SentenceSyllables);
            lead.Append(". ");
        }

        lead.Append(CultureInfo.InvariantCulture, $"Tổng vốn dự kiến {figure} tỷ đồng.");
        return new FarmStory(title.ToString(), lead.ToString());
    }

    private static void AppendWords(StringBuilder text, ref SplitMix random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(Syllables[random.Next(Syllables.Length)]);
        }
    }

    private struct SplitMix(ulong state)
    {
        private ulong _state = state;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            return (int)(FarmHash.Mix(_state) % (ulong)bound);
        }
    }
}

/// <summary>A farm item's title and lead, plain text.</summary>
internal readonly record struct FarmStory(string Title, string Lead);
