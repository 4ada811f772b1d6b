using ClipHost.Engine.Data.Import;
using ClipHost.Engine.Data.Sources;
using ClipHost.Host.Options;

namespace ClipHost.Host.Cli;

/// <summary>Merges command-line values over the configured Data defaults.</summary>
public static class ImportRequest
{
    public static ImportOptions Resolve(System.CommandLine.ParseResult parse, ImportCommandOptions o, DataOptions data, ClipHost.Engine.Paths.DataLayout layout, string? nameOverride = null) => new()
    {
        StoresRoot = layout.Stores,
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
}
