using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>
/// A real clip-art store of junk-titled drawings (uploader e-mails, "gramastar", collection boilerplate) and as many
/// others, spread evenly over the sorted library: a root of links in the source's own layout, imported as usual.
/// </summary>
public static class ClipArtSample
{
    public static bool IsJunk(string title) =>
        title.Contains('@', StringComparison.Ordinal)
        || title.Contains("gramastar", StringComparison.OrdinalIgnoreCase)
        || title.StartsWith("Part of the Flat Icon Collection", StringComparison.Ordinal);

    public static async Task<ImportReport> ImportAsync(TempDir dir, int perKind)
    {
        await new OpenClipArtSource(Importer.RealPackages()).PrepareAsync(TestContext.Current.CancellationToken);
        var root = OpenClipArtSource.DefaultRoot;
        var titled = Directory.EnumerateFiles(Path.Combine(root, "png"), "*.png", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(root, "png"), f))
            .Order(StringComparer.Ordinal)
            .Select(rel => (Rel: rel, Title: SvgMetadata.Read(Path.Combine(root, "svg", Path.ChangeExtension(rel, ".svg"))).Title))
            .Where(p => !string.IsNullOrWhiteSpace(p.Title))
            .ToList();
        var junk = titled.Where(p => IsJunk(p.Title!)).ToList();
        var rest = titled.Where(p => !IsJunk(p.Title!)).ToList();
        Assert.True(junk.Count >= perKind, $"only {junk.Count} junk titles");
        foreach (var rel in Spread(junk, perKind).Concat(Spread(rest, perKind)))
        {
            foreach (var (kind, ext) in new[] { ("png", ".png"), ("svg", ".svg") })
            {
                var link = dir.Combine("clipart", kind, Path.ChangeExtension(rel, ext));
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, Path.Combine(root, kind, Path.ChangeExtension(rel, ext)));
            }
        }
        return await Importer.RunAsync(new OpenClipArtSource(Importer.RealPackages(), dir.Combine("clipart")), dir.Combine("stores"), ct: TestContext.Current.CancellationToken);
    }

    private static IEnumerable<string> Spread(List<(string Rel, string? Title)> items, int count) =>
        Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)].Rel);
}
