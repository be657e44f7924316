namespace BsiLedger.Testing;

/// <summary>The checkout the tests were built from, found by walking up from the test binaries to <c>BsiLedger.sln</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "BsiLedger.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no BsiLedger.sln above {AppContext.BaseDirectory}");
    }
}
