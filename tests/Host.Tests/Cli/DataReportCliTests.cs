using System.Globalization;
using System.Text.Json.Nodes;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Cli;

/// <summary>`clip-host data report` as a user meets it: a subset by name or by folder, and the refusals.</summary>
public sealed class DataReportCliTests
{
    /// <summary>
    /// The colours store imported by clip-host, and a subset over it written as the filter pipeline writes one: a scoring
    /// step that keeps the upper half of ids (score id/64) in subsets/&lt;name&gt;/.
    /// </summary>
    private static async Task<(Dictionary<string, string> Env, string Folder)> SubsetAsync(TempDir dir, string name)
    {
        var env = RunningHost.Environment(dir);
        await ColoursData.ImportColoursAsync(dir, env);
        var manifest = JsonNode.Parse(File.ReadAllText(dir.Combine("data", "stores", "colours", "manifest.json")))!;
        var count = manifest["count"]!.GetValue<int>();
        var kept = Enumerable.Range(0, count).Where(id => id >= count / 2).ToList();
        var lines = Enumerable.Range(0, count).Select(id => id >= count / 2
            ? $$"""{"id":{{id}},"kept":true,"score":{{Score(id, count)}}}"""
            : $$"""{"id":{{id}},"kept":false,"score":{{Score(id, count)}},"reason":"score {{Score(id, count)}} below the cut"}""");
        dir.Write($"data/subsets/{name}/steps/01-clip-score.jsonl", string.Join('\n', lines) + "\n");
        var record = new JsonObject
        {
            ["name"] = name,
            ["store"] = "colours",
            ["storeContentHash"] = manifest["contentHash"]!.GetValue<string>(),
            ["seed"] = 0,
            ["sourceCount"] = count,
            ["selection"] = "every sample",
            ["ids"] = new JsonArray([.. kept.Select(id => JsonValue.Create(id))]),
            ["lineage"] = new JsonArray(new JsonObject
            {
                ["id"] = "clip-score", ["version"] = "1.0.0.0", ["plugin"] = "ClipHost.Plugins.DataFilters.ClipScore 1.0.0",
                ["options"] = new JsonObject { ["teacher"] = "t", ["topPercent"] = 50 },
                ["in"] = count, ["kept"] = kept.Count, ["dropped"] = count - kept.Count,
            }),
            ["createdAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        dir.Write($"data/subsets/{name}/subset.json", record.ToJsonString());
        return (env, dir.Combine("data", "subsets", name));
    }

    private static string Score(int id, int count) => ((float)id / count).ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Report_ByNameAndByFolder_WritesThePageNextToTheSubset_AndPrintsItsPath()
    {
        using var dir = new TempDir();
        var (env, folder) = await SubsetAsync(dir, "upper-half");

        var byName = await ClipHostProcess.RunAsync(["data", "report", "upper-half", "--examples", "5"], env);

        Assert.True(byName.ExitCode == 0, byName.All);
        var index = Path.Combine(folder, "report", "index.html");
        Assert.Equal(index, byName.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.Contains("upper-half: 64 pairs of 'colours' -> 32 kept", byName.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. clip-score: dropped 32 of 64 (50.0%), kept 32; kept scores ≥ 0.5", byName.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", byName.Stderr, StringComparison.Ordinal);
        var html = File.ReadAllText(index);
        // --examples 5: five lowest-scoring kept (ids 32..36), five highest-scoring dropped (31 down to 27).
        Assert.Matches("id=\"step-1-lower-kept\">\\s*(<figure[^\\n]*data-id=\"3[2-6]\"[^\\n]*\\n){5}</div>", html);
        Assert.Matches("id=\"step-1-lower-dropped\">\\s*<figure[^\\n]*data-id=\"31\"", html);
        Assert.True(File.Exists(Path.Combine(folder, "report", "img", "32.png")));

        // A run's subset/ folder is named by path; a changed store still gets its report, with a warning.
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "subset.json")))!;
        record["storeContentHash"] = "0123456789abcdef";
        var runSubset = dir.Write("runs/r1/subset/subset.json", record.ToJsonString());
        Directory.CreateDirectory(dir.Combine("runs", "r1", "subset", "steps"));
        File.Copy(Path.Combine(folder, "steps", "01-clip-score.jsonl"), dir.Combine("runs", "r1", "subset", "steps", "01-clip-score.jsonl"));

        var byFolder = await ClipHostProcess.RunAsync(["data", "report", Path.GetDirectoryName(runSubset)!], env);

        Assert.True(byFolder.ExitCode == 0, byFolder.All);
        Assert.Contains("warning: store 'colours' has content hash", byFolder.Stderr, StringComparison.Ordinal);
        Assert.Contains("re-imported", byFolder.Stderr, StringComparison.Ordinal);
        Assert.Equal(dir.Combine("runs", "r1", "subset", "report", "index.html"), byFolder.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.Contains("id=\"store-warning\"", File.ReadAllText(dir.Combine("runs", "r1", "subset", "report", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSubset_FolderWithoutSubsetJson_AndMissingStore_AreRefusedNamingThem()
    {
        using var dir = new TempDir();
        var (env, folder) = await SubsetAsync(dir, "known");

        var unknown = await ClipHostProcess.RunAsync(["data", "report", "no-such-subset"], env);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no subset 'no-such-subset'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains(dir.Combine("data", "subsets", "no-such-subset"), unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("subsets under", unknown.Stderr, StringComparison.Ordinal);
        Assert.Contains("known", unknown.Stderr, StringComparison.Ordinal);

        var plain = Directory.CreateDirectory(dir.Combine("just-a-folder")).FullName;
        var notSubset = await ClipHostProcess.RunAsync(["data", "report", plain], env);
        Assert.Equal(2, notSubset.ExitCode);
        Assert.Contains($"{plain} holds no subset.json", notSubset.Stderr, StringComparison.Ordinal);

        var badCount = await ClipHostProcess.RunAsync(["data", "report", "known", "--examples", "0"], env);
        Assert.Equal(2, badCount.ExitCode);
        Assert.Contains("--examples must be between 1 and 1000", badCount.Stderr, StringComparison.Ordinal);

        Directory.Move(dir.Combine("data", "stores", "colours"), dir.Combine("data", "stores", "renamed"));
        var noStore = await ClipHostProcess.RunAsync(["data", "report", "known"], env);
        Assert.Equal(1, noStore.ExitCode);
        Assert.Contains("store 'colours', which is not at", noStore.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "report")));
        Assert.DoesNotContain("   at ", noStore.All, StringComparison.Ordinal);

        var help = await ClipHostProcess.RunAsync(["data", "report", "--help"], env);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--examples", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("subset.json", help.Stdout, StringComparison.Ordinal);
    }
}
