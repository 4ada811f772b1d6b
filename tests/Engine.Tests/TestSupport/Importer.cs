using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Packages;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Runs real imports into a test directory; the real packages are cached where the README's set-up puts them.</summary>
public static class Importer
{
    public static DatasetImporter Create() => new(NullLogger<DatasetImporter>.Instance);

    /// <summary>The repository's data/sources cache (shared with `clip-host data import all`), so tests reuse downloads.</summary>
    public static IDataPackages RealPackages() => new PackageInstaller(Path.Combine(RepositoryRoot(), "data", "sources"), NullLogger<PackageInstaller>.Instance);

    /// <summary>The SVG emoji styles' renderer as the CLI makes it, installing librsvg through the real packages.</summary>
    public static ISvgRasteriser Rasteriser() => new LibrsvgRasteriser(RealPackages());

    public static Task<ImportReport> RunAsync(IImportSource source, string storesRoot, int? limit = null, long seed = 0, CancellationToken ct = default) =>
        Create().ImportAsync(source, new ImportOptions { StoresRoot = storesRoot, Limit = limit, Seed = seed }, null, ct);

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClipHost.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ClipHost.sln not found above " + AppContext.BaseDirectory);
    }
}
