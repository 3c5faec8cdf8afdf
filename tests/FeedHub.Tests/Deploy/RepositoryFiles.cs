namespace FeedHub.Tests.Deploy;

/// <summary>Files of this repository, found from the test's output folder upward (the folder that holds FeedHub.sln).</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath)) || Directory.Exists(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FeedHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No FeedHub.sln above {AppContext.BaseDirectory}; the deploy tests read the repository's files.");
    }
}
