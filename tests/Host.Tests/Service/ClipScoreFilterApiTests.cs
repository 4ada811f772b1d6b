using System.Net;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>POST /api/filters with clip-score: a teacher trained by clip-host itself, scores cached under the data root.</summary>
[Collection("service")]
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
