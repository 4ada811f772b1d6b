using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>`clip-host data filter` writes a subset as POST /api/filters does; `train --sweep` trains a grid on it and compares the runs.</summary>
public sealed class DataFilterCliTests
{
    [Fact]
    public async Task Filter_WritesASubset_AndASweepTrainsOnIt_ComparingTheRunsSideBySide()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);

        var bad = await ClipHostProcess.RunAsync(["data", "filter", "colours", "--subset", "x", "--filters", """[{"id": "no-such-filter"}]"""], env);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("filters[0].id: unknown filter 'no-such-filter'", bad.Stderr, StringComparison.Ordinal);
        var neither = await ClipHostProcess.RunAsync(["data", "filter", "colours", "--subset", "x"], env);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("--filters", neither.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("data", "subsets", "x")));

        var filter = await ClipHostProcess.RunAsync(["data", "filter", "colours", "--subset", "half", "--seed", "3", "--filters", """[{"id": "random-subset", "options": {"fraction": 0.5}}]"""], env);
        Assert.True(filter.ExitCode == 0, filter.All);
        var subset = JsonDocument.Parse(File.ReadAllText(dir.Combine("data", "subsets", "half", "subset.json"))).RootElement;
        var ids = subset.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToList();
        Assert.Equal(32, ids.Count);
        Assert.Equal(3, subset.GetProperty("seed").GetInt64());
        Assert.Equal(64, File.ReadAllLines(dir.Combine("data", "subsets", "half", "steps", "01-random-subset.jsonl")).Length);

        var config = dir.Write("sweep.json", ColoursData.Tiny("grid", evaluate: true).Replace("\"train\": { }", "\"train\": { }, \"subset\": \"half\"", StringComparison.Ordinal));
        var refused = await ClipHostProcess.RunAsync(["train", "--config", config, "--sweep", "training.batchSize=16,0"], env);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("grid-batchSize-0: training.batchSize", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("runs", "grid-batchSize-16")));

        var sweep = await ClipHostProcess.RunAsync(["train", "--config", config, "--sweep", "training.seed=0,1,2"], env);
        Assert.True(sweep.ExitCode == 0, sweep.All);
        foreach (var run in new[] { "grid-seed-0", "grid-seed-1", "grid-seed-2" })
        {
            var trained = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", run, "subset", "subset.json"))).RootElement;
            Assert.Equal(ids, trained.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
            Assert.Equal("random-subset", trained.GetProperty("lineage")[0].GetProperty("id").GetString());
            Assert.Contains("within subset 'half'", trained.GetProperty("selection").GetString(), StringComparison.Ordinal);
        }
        var table = File.ReadAllText(dir.Combine("runs", "grid-sweep", "comparison.md"));
        Assert.Contains("| grid-seed-0 | 32 |", table, StringComparison.Ordinal);
        Assert.Contains("| grid-seed-1 | 32 |", table, StringComparison.Ordinal);
        Assert.Contains("colours top-1", table, StringComparison.Ordinal);
        // The sweep's seeds are one group (same config but for name and seed): mean ± std over n = 3.
        Assert.Matches(@"\| grid \| 3 \| 0, 1, 2 \| \d+ \| \d+\.\d ± \d+\.\d \(3\) \|", table);
        Assert.True(File.Exists(dir.Combine("runs", "grid-sweep", "loss-curves.png")));
    }
}
