using System.Net;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>POST /api/filters with clip-score: a teacher trained by clip-host itself, scores cached under the data root.</summary>
public sealed class ClipScoreFilterApiTests
{
    [Fact]
    public async Task ClipScore_CutsByATrainedTeacher_AndASecondCutReusesTheCachedScores()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var train = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("teacher.json", ColoursData.Tiny("teacher", evaluate: false))], env);
        Assert.True(train.ExitCode == 0, train.All);
        await using var host = await RunningHost.StartAsync(env);

        var half = await FilterAsync(host, "top-half", 50);
        var scores = Directory.GetFiles(dir.Combine("data", "scores"), "*.bin", SearchOption.AllDirectories);
        var cached = Assert.Single(scores);
        Assert.Equal(half.GetProperty("storeContentHash").GetString(), Path.GetFileName(Path.GetDirectoryName(cached)));
        var written = File.GetLastWriteTimeUtc(cached);

        var quarter = await FilterAsync(host, "top-quarter", 25);
        // Every score came from the cache, so the file was not written again.
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));
        var halfIds = Ids(half);
        var quarterIds = Ids(quarter);
        Assert.Equal((32, 16), (halfIds.Count, quarterIds.Count));
        Assert.Subset(halfIds.ToHashSet(), quarterIds.ToHashSet());
        var lineage = Assert.Single(quarter.GetProperty("lineage").EnumerateArray());
        Assert.Equal("clip-score", lineage.GetProperty("id").GetString());
        Assert.Equal((64, 16), (lineage.GetProperty("in").GetInt32(), lineage.GetProperty("kept").GetInt32()));
        // Every candidate's decision is written next to the subset for `clip-host data report`.
        Assert.Equal(64, File.ReadAllLines(dir.Combine("data", "subsets", "top-quarter", "steps", "01-clip-score.jsonl")).Length);

        // A run on that subset, and one that filters in its own config, both queued through Hangfire: each records what it trained on.
        var (badSubset, refusal) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("on-nothing", evaluate: false).Replace("\"train\": { }", "\"train\": { }, \"subset\": \"no-such-subset\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badSubset);
        Assert.Equal("data.subset", refusal.GetProperty("errors")[0].GetProperty("field").GetString());
        var onSubset = ColoursData.Tiny("on-quarter", evaluate: false).Replace("\"train\": { }", "\"train\": { }, \"subset\": \"top-quarter\"", StringComparison.Ordinal);
        var filtering = ColoursData.Tiny("filtering", evaluate: false).Replace("\"train\": { }",
            "\"train\": { }, \"filters\": [ { \"id\": \"clip-score\", \"options\": { \"teacher\": \"teacher\", \"topPercent\": 25 } } ]", StringComparison.Ordinal);
        foreach (var (config, name) in new[] { (onSubset, "on-quarter"), (filtering, "filtering") })
        {
            var (accepted, submitted) = await host.PostJsonAsync("/api/runs", config);
            Assert.True(accepted == HttpStatusCode.Accepted, submitted.ToString());
            var id = submitted.GetProperty("id").GetString()!;
            var done = await host.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3));
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
            Assert.StartsWith(name, id, StringComparison.Ordinal);
            var record = JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", id, "subset", "subset.json"))).RootElement;
            Assert.Equal(quarterIds, record.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
            Assert.Equal(["clip-score"], record.GetProperty("lineage").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        }
    }

    private static List<int> Ids(JsonElement subset) => [.. subset.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32())];

    private static async Task<JsonElement> FilterAsync(RunningHost host, string subset, int percent)
    {
        var (status, body) = await host.PostJsonAsync("/api/filters", $$"""
            { "store": "colours", "subset": "{{subset}}", "filters": [ { "id": "clip-score", "options": { "teacher": "teacher", "topPercent": {{percent}} } } ] }
            """);
        Assert.True(status == HttpStatusCode.Accepted, body.ToString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await host.Client.GetAsync(new Uri($"/api/subsets/{subset}", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"subset {subset} was not written\n{host.Output}");
    }
}
