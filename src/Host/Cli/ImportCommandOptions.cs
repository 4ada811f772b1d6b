using System.CommandLine;
using ClipHost.Engine.Data.Import;

namespace ClipHost.Host.Cli;

/// <summary>The options every `data import` source takes; unset ones fall back to the Data section of appsettings.json.</summary>
public sealed class ImportCommandOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Store name (default: the source's name)" };
    public Option<int?> Resolution { get; } = new("--resolution") { Description = "Side of the stored square images in pixels (default: Data:Resolution)" };
    public Option<ImageFit?> Fit { get; } = new("--fit") { Description = "Make images square by centre Crop or white Pad (default: per source)" };
    public Option<long?> Seed { get; } = new("--seed") { Description = "Seed of the deterministic splits (default: Data:Seed)" };
    public Option<double?> ValFraction { get; } = new("--val-fraction") { Description = "Fraction of groups held out for validation" };
    public Option<double?> TestFraction { get; } = new("--test-fraction") { Description = "Fraction of groups held out for testing" };
    public Option<long?> MaxPixels { get; } = new("--max-pixels") { Description = "Skip images whose header claims more pixels than this" };
    public Option<int?> Limit { get; } = new("--limit") { Description = "Import at most this many samples (a quick subset)" };
    public Option<bool> Replace { get; } = new("--replace") { Description = "Replace an existing store of the same name" };

    public IEnumerable<Option> All => [Name, Resolution, Fit, Seed, ValFraction, TestFraction, MaxPixels, Limit, Replace];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }
}
