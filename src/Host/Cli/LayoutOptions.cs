using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>
/// `--root` and `--runs`, taken by every verb and meaning the same on each: they stand in for Data:Root and Runs:Root,
/// so the one <see cref="ClipHost.Engine.Paths.DataLayout"/> the host binds follows them.
/// </summary>
public static class LayoutOptions
{
    public static Option<string?> Root { get; } = new("--root") { Description = "Data root: stores/, subsets/, scores/, sources/ (default: Data:Root)", Recursive = true };

    public static Option<string?> Runs { get; } = new("--runs") { Description = "Runs root: one folder per run (default: Runs:Root)", Recursive = true };

    public static RootCommand AddLayoutOptions(this RootCommand root)
    {
        root.Options.Add(Root);
        root.Options.Add(Runs);
        return root;
    }

    /// <summary>The configuration keys the options set, for the verb's host.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parse)
    {
        if (parse.GetValue(Root) is { } root)
        {
            yield return new("Data:Root", Path.GetFullPath(root));
        }
        if (parse.GetValue(Runs) is { } runs)
        {
            yield return new("Runs:Root", Path.GetFullPath(runs));
        }
    }
}
