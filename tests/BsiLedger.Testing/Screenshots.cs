namespace BsiLedger.Testing;

/// <summary>Where browser tests leave screenshots for a reviewer: <c>TestResults/screenshots/</c> in the checkout, beside the results CI keeps.</summary>
public static class Screenshots
{
    public static string PathOf(string name)
    {
        var directory = Directory.CreateDirectory(System.IO.Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots"));
        return System.IO.Path.Combine(directory.FullName, name);
    }
}
