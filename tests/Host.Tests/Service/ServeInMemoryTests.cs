using System.Net;

namespace ClipHost.Host.Tests.Service;

/// <summary>`clip-host serve` on its zero-set-up storage (Hangfire.InMemory): the API, the mediator pipeline, the jobs, stop and restart.</summary>
public sealed class ServeInMemoryTests
{
    [Fact]
    public async Task SubmittedRun_IsValidatedQueuedTrainedAndEvaluated_AndItsMetricsReadBack()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);

        var plugins = await host.GetJsonAsync("/api/plugins");
        var ids = plugins.GetProperty("plugins").EnumerateArray().SelectMany(p => p.GetProperty("components").EnumerateArray()).Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("clip", ids);
        // The five built-in architecture families, each listing its presets with the quickstart's "mini" among them.
        var architectures = plugins.GetProperty("plugins").EnumerateArray().SelectMany(p => p.GetProperty("components").EnumerateArray()).Where(c => c.GetProperty("kind").GetString() == "architecture").ToList();
        Assert.Equal(["convnext", "mixer", "resnet", "swin", "vit"], architectures.Select(c => c.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(architectures, c => Assert.Contains("mini", c.GetProperty("presets").EnumerateArray().Select(p => p.GetString())));

        // A bad experiment is refused with field-level errors, and nothing is queued.
        var bad = ColoursData.Tiny("bad").Replace("\"vit\"", "\"no-such-encoder\"", StringComparison.Ordinal).Replace("\"batchSize\": 16", "\"batchSize\": 0", StringComparison.Ordinal);
        var (status, refusal) = await host.PostJsonAsync("/api/runs", bad);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var fields = refusal.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("training.batchSize", fields);
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());

        var (accepted, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("api"));
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        var id = submitted.GetProperty("id").GetString()!;
        // A run is named after its experiment, whichever front end submits it.
        Assert.Equal("api", id);
        Assert.Equal("queued", submitted.GetProperty("status").GetString());

        var done = await host.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        var progress = done.GetProperty("progress");
        Assert.Equal(8, progress.GetProperty("step").GetInt64());
        Assert.Equal(8, progress.GetProperty("totalSteps").GetInt64());
        Assert.Equal(128, progress.GetProperty("samplesSeen").GetInt64());
        var metrics = done.GetProperty("metrics").EnumerateObject().Select(m => m.Name).ToList();
        Assert.Contains("colours/zeroshot_retrieval/text_retrieval_recall@1", metrics);
        Assert.Contains(metrics, m => m.StartsWith("colours/zeroshot_classification/", StringComparison.Ordinal));
        Assert.True(Directory.Exists(done.GetProperty("checkpoint").GetString()));
        Assert.Contains(done.GetProperty("components").EnumerateArray(), c => c.GetString()!.StartsWith("strategy:clip@", StringComparison.Ordinal));

        // The declared experiment is a recurring job on the dashboard; the Runs tab lists the run.
        var recurring = await host.Client.GetStringAsync(new Uri("/hangfire/recurring", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("experiment:quickstart", recurring, StringComparison.Ordinal);
        var runsPage = await host.Client.GetStringAsync(new Uri("/hangfire/runs", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(id, runsPage, StringComparison.Ordinal);

        Assert.Equal(0, await host.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Delete_CancelsARunningTraining_AndTheRecordSaysSo()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);

        var (_, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("long", epochs: 5000, checkpointEvery: 50));
        var id = submitted.GetProperty("id").GetString()!;
        await host.WaitForRunAsync(id, r => r.TryGetProperty("progress", out var p) && p.ValueKind != System.Text.Json.JsonValueKind.Null && p.GetProperty("step").GetInt64() > 0, TimeSpan.FromMinutes(2));

        using var response = await host.Client.DeleteAsync(new Uri($"/api/runs/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await host.WaitForRunAsync(id, r => r.GetProperty("status").GetString() == "cancelled", TimeSpan.FromSeconds(30));
        Assert.True(cancelled.GetProperty("progress").GetProperty("step").GetInt64() < 20_000);

        // Cancelling again is a conflict; an unknown run is not found.
        using var again = await host.Client.DeleteAsync(new Uri($"/api/runs/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await host.Client.DeleteAsync(new Uri("/api/runs/no-such-run", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>
    /// 600 tiny steps: long enough to stop mid-run twice, short enough that the third host finishes well inside the
    /// wait on a loaded 2-core CI machine (the 1,600-step run reached step 757 of 1,600 in 4 minutes on one).
    /// </summary>
    private const int ResumeEpochs = 150;

    [Fact]
    public async Task Sigterm_WritesACheckpoint_AndSigkilledHostResumesFromItAfterRestart()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        string id;
        var checkpoints = (string run) => Path.Combine(dir.Combine("runs"), run, "checkpoints");

        // 1. SIGTERM mid-training: the job stops at a checkpoint written on the way out (none is due by the schedule).
        await using (var first = await RunningHost.StartAsync(env))
        {
            var (_, submitted) = await first.PostJsonAsync("/api/runs", ColoursData.Tiny("resume", epochs: ResumeEpochs, checkpointEvery: 100_000, evaluate: false));
            id = submitted.GetProperty("id").GetString()!;
            await first.WaitForRunAsync(id, r => r.TryGetProperty("progress", out var p) && p.ValueKind != System.Text.Json.JsonValueKind.Null && p.GetProperty("step").GetInt64() >= 5, TimeSpan.FromMinutes(2));
            Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(40)));
        }
        var stoppedAt = File.ReadAllText(Path.Combine(checkpoints(id), "latest")).Trim();
        Assert.NotEqual($"step-{ResumeEpochs * 4:D8}", stoppedAt);

        // 2. A new host (in-memory storage forgot the job) queues the run again and resumes it; SIGKILL it after a checkpoint.
        await using (var second = await RunningHost.StartAsync(env))
        {
            await second.WaitForRunAsync(id, r => r.GetProperty("attempts").GetInt32() == 2, TimeSpan.FromMinutes(1));
            var resumed = await second.GetJsonAsync($"/api/runs/{id}");
            Assert.Equal(long.Parse(stoppedAt["step-".Length..], System.Globalization.CultureInfo.InvariantCulture), resumed.GetProperty("resumedFromStep").GetInt64());
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            second.Kill();
        }

        // 3. After the SIGKILL, a third host resumes it again and finishes it: nothing lost, never from step 0.
        await using var third = await RunningHost.StartAsync(env);
        var done = await third.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(6));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(3, done.GetProperty("attempts").GetInt32());
        Assert.True(done.GetProperty("resumedFromStep").GetInt64() > 0);
        Assert.Equal(ResumeEpochs * 4, done.GetProperty("progress").GetProperty("step").GetInt64());
    }
}
