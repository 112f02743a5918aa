namespace PartnershipLedger.Tests.Hosting;

/// <summary>Finds files of the repository (and the shared folder beside it) from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindUp("PartnershipLedger.sln")
        ?? throw new InvalidOperationException("Cannot find the repository root (PartnershipLedger.sln) above " + AppContext.BaseDirectory);

    public static string Schema(string file) => Path.Combine(Root, "schema", file);

    /// <summary>The source documents the product implements: ../shared/seeds beside the repository.</summary>
    public static string Seed(string prefix)
    {
        var seeds = Path.Combine(Path.GetDirectoryName(Root)!, "shared", "seeds");
        if (!Directory.Exists(seeds)) throw new InvalidOperationException($"The seed documents are expected in {seeds}.");
        return Directory.GetFiles(seeds, prefix + "_*.txt").Single();
    }

    private static string? FindUp(string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, marker))) return dir.FullName;
        return null;
    }
}
