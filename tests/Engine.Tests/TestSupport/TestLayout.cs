using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>A layout over a shared stores folder (the fixtures import once), with subsets, scores and runs of the test's own.</summary>
public static class TestLayout
{
    public static DataLayout Of(string storesRoot, string runsRoot, string? subsets = null, string? scores = null)
    {
        var data = Path.GetDirectoryName(Path.GetFullPath(storesRoot))!;
        return new(
            Stores: Path.GetFullPath(storesRoot),
            Subsets: Path.GetFullPath(subsets ?? Path.Combine(data, "subsets")),
            Scores: Path.GetFullPath(scores ?? Path.Combine(data, "scores")),
            Sources: Path.Combine(data, "sources"),
            Prompts: Path.Combine(data, "prompts"),
            Tokenizers: Path.Combine(data, "tokenizers"),
            Weights: Path.Combine(data, "weights"),
            Runs: Path.GetFullPath(runsRoot));
    }
}
