using System.Net;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>POST /api/filters: a pipeline of data-filter plugins over a store, validated, queued, written as a subset with lineage.</summary>
public sealed class FilterApiTests
{
    [Fact]
    public async Task FilterPipeline_IsRefusedWhenBad_AndWritesADeterministicSubsetWithLineage()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);

        var (badStatus, refusal) = await host.PostJsonAsync("/api/filters", """
            { "store": "colours", "subset": "bad", "filters": [ { "id": "no-such-filter" }, { "id": "random-subset", "options": { "fraction": 1.5 } } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        var fields = refusal.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToList();
        Assert.Contains("filters[0].id", fields);
        Assert.Contains(fields, f => f.StartsWith("filters[1].options", StringComparison.Ordinal));
        // A teacher is checked before the job is queued: a typo costs a 400, not a failed job minutes later.
        var (noTeacher, teacherRefusal) = await host.PostJsonAsync("/api/filters", """
            { "store": "colours", "subset": "scored", "filters": [ { "id": "clip-score", "options": { "teacher": "no-such-run", "topPercent": 30 } } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, noTeacher);
        var teacherError = Assert.Single(teacherRefusal.GetProperty("errors").EnumerateArray());
        Assert.Equal("filters[0].options.teacher", teacherError.GetProperty("field").GetString());
        Assert.Contains("no run or checkpoint 'no-such-run'", teacherError.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (badCut, cutRefusal) = await host.PostJsonAsync("/api/filters", """
            { "store": "colours", "subset": "scored", "filters": [ { "id": "clip-score", "options": { "teacher": "t", "topPercent": 120 } } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, badCut);
        Assert.Contains("filters[0].options.topPercent", cutRefusal.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        // An empty store (its manifest says so) is refused up front rather than failing inside a filter.
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(dir.Combine("data", "stores", "colours", "manifest.json")))!;
        manifest["count"] = 0;
        dir.Write("data/stores/hollow/manifest.json", manifest.ToJsonString());
        var (emptyStore, emptyRefusal) = await host.PostJsonAsync("/api/filters", """{ "store": "hollow", "subset": "x", "filters": [ { "id": "random-subset", "options": { "count": 3 } } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, emptyStore);
        Assert.Contains("is empty", emptyRefusal.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var (missingStore, _) = await host.PostJsonAsync("/api/filters", """{ "store": "nope", "subset": "x", "filters": [ { "id": "random-subset", "options": { "count": 3 } } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, missingStore);

        var first = await FilterAsync(host, "half-a", seed: 7);
        var again = await FilterAsync(host, "half-b", seed: 7);
        var other = await FilterAsync(host, "half-c", seed: 8);
        var ids = first.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToList();
        Assert.Equal(32, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids, again.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));
        Assert.NotEqual(ids, other.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()));

        var lineage = first.GetProperty("lineage").EnumerateArray().ToList();
        Assert.Equal(["caption-length", "random-subset"], lineage.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal((64, 64), (lineage[0].GetProperty("in").GetInt32(), lineage[0].GetProperty("kept").GetInt32()));
        Assert.Equal((64, 32, 32), (lineage[1].GetProperty("in").GetInt32(), lineage[1].GetProperty("kept").GetInt32(), lineage[1].GetProperty("dropped").GetInt32()));
        Assert.Equal("colours", first.GetProperty("store").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("storeContentHash").GetString()));
    }

    private static async Task<JsonElement> FilterAsync(RunningHost host, string subset, long seed)
    {
        var (status, _) = await host.PostJsonAsync("/api/filters", $$"""
            { "store": "colours", "subset": "{{subset}}", "seed": {{seed}},
              "filters": [ { "id": "caption-length", "options": { "minWords": 3, "maxWords": 12 } }, { "id": "random-subset", "options": { "fraction": 0.5 } } ] }
            """);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
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
