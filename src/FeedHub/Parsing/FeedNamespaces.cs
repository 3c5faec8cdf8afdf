namespace FeedHub.Parsing;

/// <summary>The XML namespaces feeds use, in one place so readers compare against the same strings.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Slash = "http://purl.org/rss/1.0/modules/slash/";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Prefixes feeds use without declaring them; salvage declares them so such items can still be read.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["atom"] = Atom10,
        ["rdf"] = Rdf,
        ["dc"] = DublinCore,
        ["dcterms"] = DublinCoreTerms,
        ["content"] = Content,
        ["media"] = Media,
        ["itunes"] = ITunes,
        ["slash"] = Slash,
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["georss"] = "http://www.georss.org/georss",
        ["feedburner"] = "http://rssnamespace.org/feedburner/ext/1.0",
        ["xhtml"] = Xhtml,
    };
}
