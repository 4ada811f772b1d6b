using System.Net;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// POST /api/sweeps: the PlanSweep command the CLI's `train --sweep` sends, over the API. Every variant is checked
/// before any is queued (a bad value refuses the whole sweep, naming the variant and the field); a good sweep queues
/// one run per variant, named as the CLI names them, and each is trained by the queue.
/// </summary>
public sealed class SweepApiTests
{
    [Fact]
    public async Task ABadVariant_RefusesTheSweepBeforeAnyRun_AGoodSweepQueuesEveryVariant()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);
        var experiment = ColoursData.Tiny("swept", epochs: 1, evaluate: false);

        var (status, refusal) = await host.PostJsonAsync("/api/sweeps", $$"""{ "experiment": {{experiment}}, "sweep": ["training.batchSize=16,1"] }""");
        Assert.True(status == HttpStatusCode.BadRequest, refusal.ToString());
        var error = Assert.Single(refusal.GetProperty("errors").EnumerateArray());
        Assert.Equal("swept-batchSize-1: training.batchSize", error.GetProperty("field").GetString());
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());

        (status, refusal) = await host.PostJsonAsync("/api/sweeps", $$"""{ "experiment": {{experiment}} }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("sweep", refusal.GetProperty("errors")[0].GetProperty("field").GetString());

        var (queued, plan) = await host.PostJsonAsync("/api/sweeps", $$"""{ "experiment": {{experiment}}, "sweep": ["training.seed=0,1"] }""");
        Assert.True(queued == HttpStatusCode.Accepted, plan.ToString());
        var ids = plan.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(["swept-seed-0", "swept-seed-1"], ids);
        Assert.All(plan.GetProperty("runs").EnumerateArray(), r => Assert.Equal("sweep:swept", r.GetProperty("source").GetString()));
        foreach (var id in ids)
        {
            var run = await host.WaitForRunAsync(id, r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(3));
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            Assert.Equal(id, JsonDocument.Parse(File.ReadAllText(dir.Combine("runs", id, "config.json"))).RootElement.GetProperty("name").GetString());
        }
        Assert.Equal(ids, (await host.GetJsonAsync("/api/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order());
    }
}
