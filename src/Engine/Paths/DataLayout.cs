using ClipHost.Abstractions.Options;

namespace ClipHost.Engine.Paths;

/// <summary>
/// Where everything lives, bound once from configuration (Data:Root, Runs:Root) and passed to whatever reads or writes:
/// the data root's stores/, subsets/ (filtered cuts), scores/ (teacher scores), sources/ (package caches), prompts/
/// (class-name and template files), tokenizers/ (shared vocabularies) and weights/ (models brought in for model.init), and the runs root. Every name that picks a
/// folder in one of them goes through <see cref="RootedPath.Child"/>.
/// </summary>
public sealed record DataLayout(string Stores, string Subsets, string Scores, string Sources, string Prompts, string Tokenizers, string Weights, string Runs)
{
    /// <summary>The layout the host uses: stores/, subsets/, scores/, sources/, prompts/ and tokenizers/ under the data root; runs where configured.</summary>
    public static DataLayout ForRoots(string dataRoot, string runsRoot)
    {
        var data = Path.GetFullPath(dataRoot);
        return new(Path.Combine(data, "stores"), Path.Combine(data, "subsets"), Path.Combine(data, "scores"), Path.Combine(data, "sources"),
            Path.Combine(data, "prompts"), Path.Combine(data, "tokenizers"), Path.Combine(data, "weights"), Path.GetFullPath(runsRoot));
    }

    public string Store(string name, string field = "data.store") => RootedPath.Child(Stores, name, field);

    public string Subset(string name, string field = "data.subset") => RootedPath.Child(Subsets, name, field);

    public string Run(string name, string field = "name") => RootedPath.Child(Runs, name, field);

    /// <summary>A class-name or template file a config names: relative to prompts/ and inside it, or null when it escapes.</summary>
    public string? Prompt(string path) => RootedPath.Inside(Prompts, path);

    /// <summary>A tokenizer file a config names: relative to tokenizers/ and inside it, or null when it escapes.</summary>
    public string? Tokenizer(string path) => RootedPath.Inside(Tokenizers, path);

    /// <summary>A folder of weights a config names (model.init.openClip): relative to weights/ and inside it, or null when it escapes.</summary>
    public string? WeightsFolder(string path) => RootedPath.Inside(Weights, path);

    /// <summary>
    /// The folders must be distinct and none inside another (a runs root inside stores/ would be listed as stores, a data
    /// root under a run would be deleted by a fresh start).
    /// </summary>
    public IReadOnlyList<OptionError> Validate()
    {
        (string Field, string Path)[] folders = [("Data.Root (stores)", Stores), ("Data.Root (subsets)", Subsets), ("Data.Root (scores)", Scores), ("Data.Root (sources)", Sources),
            ("Data.Root (prompts)", Prompts), ("Data.Root (tokenizers)", Tokenizers), ("Data.Root (weights)", Weights), ("Runs.Root", Runs)];
        var errors = new List<OptionError>();
        foreach (var (field, path) in folders)
        {
            if (File.Exists(path))
            {
                errors.Add(new OptionError(field, $"{path} is a file, not a folder"));
            }
            foreach (var (other, otherPath) in folders.Where(f => f.Field != field))
            {
                if (RootedPath.IsWithin(otherPath, path))
                {
                    errors.Add(new OptionError(field, $"{path} is inside {other} ({otherPath}); give each its own folder"));
                }
            }
        }
        return errors;
    }
}
