using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Host.Options;

namespace ClipHost.Host.Cli;

/// <summary>Merges command-line values over the configured Data defaults.</summary>
public static class ImportRequest
{
    public static ImportOptions Resolve(System.CommandLine.ParseResult parse, ImportCommandOptions o, DataOptions data, string? nameOverride = null) => new()
    {
        StoresRoot = parse.GetValue(o.Root) is { } root ? Path.GetFullPath(Path.Combine(root, "stores")) : data.StoresRoot,
        Name = nameOverride ?? parse.GetValue(o.Name),
        Resolution = parse.GetValue(o.Resolution) ?? data.Resolution,
        Fit = parse.GetValue(o.Fit),
        Seed = parse.GetValue(o.Seed) ?? data.Seed,
        ValFraction = parse.GetValue(o.ValFraction) ?? data.ValFraction,
        TestFraction = parse.GetValue(o.TestFraction) ?? data.TestFraction,
        MaxPixels = parse.GetValue(o.MaxPixels) ?? data.MaxPixels,
        Limit = parse.GetValue(o.Limit),
        Replace = parse.GetValue(o.Replace),
    };

    public static PackageInstaller Installer(System.CommandLine.ParseResult parse, ImportCommandOptions o, PackageInstaller configured, Microsoft.Extensions.Logging.ILogger<PackageInstaller> logger) =>
        parse.GetValue(o.Root) is { } root ? new PackageInstaller(Path.GetFullPath(Path.Combine(root, "sources")), logger) : configured;
}
