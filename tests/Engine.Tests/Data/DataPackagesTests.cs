using ClipHost.Engine.Data.Sources;
using ClipHost.Packages;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClipHost.Engine.Tests.Data;

/// <summary>The service's packages (installs: false) find what is installed and name what is not, never installing.</summary>
public sealed class DataPackagesTests
{
    [Fact]
    public async Task ServicePackages_MissingPackages_ThrowPackageMissingNamingThem()
    {
        using var dir = new TempDir();
        var packages = new PackageInstaller(dir.Path, NullLogger<PackageInstaller>.Instance, installs: false);

        var apt = await Assert.ThrowsAsync<PackageMissingException>(() =>
            packages.EnsureAptAsync(["no-such-package"], dir.Combine("nothing-here"), TestContext.Current.CancellationToken));
        var npm = await Assert.ThrowsAsync<PackageMissingException>(() =>
            packages.EnsureNpmAsync("no-such-npm-package", _ => true, TestContext.Current.CancellationToken));

        Assert.Contains("no-such-package", apt.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Combine("nothing-here"), apt.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-npm-package", npm.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task ServicePackages_InstalledPackages_AreFoundWhereTheyAre()
    {
        using var dir = new TempDir();
        dir.Write("npm/emojibase-data/en/data.json", "[]");
        dir.Write("npm/emojibase-data/.complete", "emojibase-data.tgz");
        var packages = new PackageInstaller(dir.Path, NullLogger<PackageInstaller>.Instance, installs: false);

        await packages.EnsureAptAsync(["base-files"], "/etc/debian_version", TestContext.Current.CancellationToken);
        var folder = await packages.EnsureNpmAsync("emojibase-data", _ => true, TestContext.Current.CancellationToken);

        Assert.Equal(dir.Combine("npm", "emojibase-data"), folder);
    }

    [Fact]
    public async Task ScopedNpmPackage_IsUnpackedUnderItsScope()
    {
        using var dir = new TempDir();
        var packages = new PackageInstaller(dir.Path, NullLogger<PackageInstaller>.Instance);

        var folder = await packages.EnsureNpmAsync("@iconify-json/fluent-emoji-flat", p => p == "info.json", TestContext.Current.CancellationToken);

        Assert.Equal(dir.Combine("npm", "@iconify-json", "fluent-emoji-flat"), folder);
        Assert.Contains("\"spdx\": \"MIT\"", await File.ReadAllTextAsync(Path.Combine(folder, "info.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // The download's work folder goes, scope and all: only the package and its scope stay in the cache.
        Assert.Equal([dir.Combine("npm", "@iconify-json")], Directory.EnumerateFileSystemEntries(dir.Combine("npm")));
    }
}
