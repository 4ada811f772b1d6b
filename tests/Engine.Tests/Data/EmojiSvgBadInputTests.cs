using ClipHost.Engine.Data.Sources;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Packages;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipHost.Engine.Tests.Data;

/// <summary>An iconify set with bad drawings in it: each is skipped and named, the good ones imported.</summary>
public sealed class EmojiSvgBadInputTests
{
    [Fact]
    public async Task BrokenBlankAndUnknownIcons_AreSkippedNamingTheIcon()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        await CopyRealPackageAsync("emojibase-data", "en/data.json", p => p == "en/data.json", dir, ct);
        await CopyRealPackageAsync("emoji-datasource-twitter", "emoji.json", p => p == "emoji.json" || p.StartsWith("img/twitter/64/", StringComparison.Ordinal), dir, ct);
        dir.Write("npm/@iconify-json/fluent-emoji-flat/info.json", """{ "name": "hand-made", "license": { "title": "MIT", "spdx": "MIT" } }""");
        dir.Write("npm/@iconify-json/fluent-emoji-flat/chars.json", """{ "1f600": "grinning-face", "1f603": "grinning-face-with-big-eyes", "1f604": "grinning-face-with-smiling-eyes" }""");
        dir.Write("npm/@iconify-json/fluent-emoji-flat/icons.json", """
            {
              "prefix": "fluent-emoji-flat", "width": 32, "height": 32,
              "icons": {
                "grinning-face": { "body": "<circle cx='16' cy='16' r='14' fill='#fc0'/><circle cx='11' cy='12' r='2'/>" },
                "grinning-face-with-big-eyes": { "body": "<path d='M0 0 L32 32' <<< not xml" },
                "grinning-face-with-smiling-eyes": { "body": "<g fill='none'></g>" },
                "not-an-emoji-at-all": { "body": "<rect width='32' height='32' fill='#00f'/>" },
                "grinning": { "body": "<rect width='32' height='32' fill='#f00'/>" }
              },
              "aliases": { "grin": { "parent": "grinning-face" } }
            }
            """);
        dir.Write("npm/@iconify-json/fluent-emoji-flat/.complete", "hand-made");
        var packages = new PackageInstaller(dir.Path, NullLogger<PackageInstaller>.Instance, installs: false);

        var report = await Importer.RunAsync(new EmojiSource(packages, ["fluent-flat"], skinTones: true, svg: new LibrsvgRasteriser(packages)), dir.Combine("stores"), ct: ct);

        Assert.Equal(1, report.Imported);
        var reasons = report.SkippedSamples.ToDictionary(s => s.Key, s => s.Reason);
        Assert.Contains("bad SVG: icon 'grinning-face-with-big-eyes' is refused by librsvg", reasons["1f603@fluent-flat"], StringComparison.Ordinal);
        Assert.Contains("bad SVG: icon 'grinning-face-with-smiling-eyes' renders blank", reasons["1f604@fluent-flat"], StringComparison.Ordinal);
        Assert.StartsWith("no emoji: icon 'not-an-emoji-at-all'", reasons["not-an-emoji-at-all@fluent-flat"], StringComparison.Ordinal);
        // "grinning" is the emoji's short name: a second drawing of it, named as the duplicate it is, not imported twice.
        Assert.StartsWith("duplicate drawing: icon 'grinning' draws 1F600 as 'grinning-face' does", reasons["grinning@fluent-flat"], StringComparison.Ordinal);
        Assert.Equal(4, report.Skipped);
        Assert.Equal(2, report.SkipReasons["bad SVG"]);
        using var store = ClipStore.Open(report.StorePath);
        Assert.Equal("grinning face", store.Samples[0].Captions[0]);
        Assert.Equal("MIT", store.Manifest.Licences!["fluent-flat"]);
    }

    /// <summary>Copies one file of a real package (unpacked as the emoji source unpacks it) into the hand-made cache.</summary>
    private static async Task CopyRealPackageAsync(string package, string file, Func<string, bool> keep, TempDir dir, CancellationToken ct)
    {
        var real = await Importer.RealPackages().EnsureNpmAsync(package, keep, ct);
        dir.Write($"npm/{package}/{file}", await File.ReadAllBytesAsync(Path.Combine(real, file), ct));
        dir.Write($"npm/{package}/.complete", package);
    }
}
