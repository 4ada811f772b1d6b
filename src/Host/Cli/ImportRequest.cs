using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>The import command a `data import` verb's options describe; unset values fall back to the Data section.</summary>
public static class ImportRequest
{
    public static ImportDatasetCommand Resolve(ParseResult parse, ImportCommandOptions o, string source) =>
        new(source, null, parse.GetValue(o.Name), parse.GetValue(o.Limit), parse.GetValue(o.Replace))
        {
            Resolution = parse.GetValue(o.Resolution),
            Fit = parse.GetValue(o.Fit),
            Seed = parse.GetValue(o.Seed),
            ValFraction = parse.GetValue(o.ValFraction),
            TestFraction = parse.GetValue(o.TestFraction),
            MaxPixels = parse.GetValue(o.MaxPixels),
        };
}
