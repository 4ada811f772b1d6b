using System.Net;
using System.Text.Json;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Studies;

/// <summary>
/// /api/studies: the StartStudy command `study run` sends. A bad axis refuses the whole study, nothing queued; a good
/// one queues a run per cell, its progress is GET /api/studies/{name}, and DELETE cancels what has not finished.
/// </summary>
public sealed class StudyApiTests
{
    [Fact]
    public async Task ABadStudyQueuesNothing_AGoodOneQueuesEveryCell_AndItsProgressAndCancellationAreServed()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);

        var (status, refusal) = await host.PostJsonAsync("/api/studies", StudyCliTests.Study("api", """[ { "path": "training.seed", "values": [0, 1] }, { "path": "training.learningRate", "values": [0.003, -1] } ]"""));
        Assert.True(status == HttpStatusCode.BadRequest, refusal.ToString());
        Assert.Equal(
            ["seed-0-learningRate-v2: training.learningRate (set by axes[1] (learningRate))", "seed-1-learningRate-v2: training.learningRate (set by axes[1] (learningRate))"],
            refusal.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
        Assert.Empty((await host.GetJsonAsync("/api/studies")).EnumerateArray());

        // A base named by file must lie in the service's experiments folder; the request cannot name one elsewhere.
        (status, refusal) = await host.PostJsonAsync("/api/studies", """{ "name": "escape", "base": "../../../etc/passwd", "axes": [ { "path": "training.seed", "values": [0] } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("base", refusal.GetProperty("errors")[0].GetProperty("field").GetString());

        // The API does not run prepare steps (they train for minutes): a study whose preparation is not done is refused,
        // saying so first, and nothing is made.
        var noisyBase = ColoursData.Tiny("base", epochs: 1, evaluate: false).Replace("\"data\": { \"store\": \"colours\"", "\"data\": { \"store\": \"colours-noisy\"", StringComparison.Ordinal);
        (status, refusal) = await host.PostJsonAsync("/api/studies", $$"""{ "name": "prep", "base": {{noisyBase}}, "prepare": [ { "plantNoise": "colours", "into": "colours-noisy", "share": 0.25 } ], "axes": [ { "path": "training.seed", "values": [0] } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = refusal.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal("prepare", errors[0].GetProperty("field").GetString());
        Assert.Contains("clip-host study run", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(errors.Skip(1), e => e.GetProperty("message").GetString()!.Contains("no store 'colours-noisy'", StringComparison.Ordinal));
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "colours-noisy")));

        var (queued, study) = await host.PostJsonAsync("/api/studies", StudyCliTests.Study("api", """[ { "path": "training.seed", "values": [0, 1] } ]"""));
        Assert.True(queued == HttpStatusCode.Accepted, study.ToString());
        Assert.Equal(["api-seed-0", "api-seed-1"], study.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("runId").GetString()));
        foreach (var cell in study.GetProperty("cells").EnumerateArray())
        {
            var run = await host.WaitForRunAsync(cell.GetProperty("runId").GetString()!, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3));
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            Assert.Equal("study:api", run.GetProperty("source").GetString());
        }
        var done = await host.GetJsonAsync("/api/studies/api");
        Assert.True(done.GetProperty("finished").GetBoolean(), done.ToString());
        Assert.Equal(2, done.GetProperty("counts").GetProperty("succeeded").GetInt32());
        Assert.Equal(["training.seed"], done.GetProperty("axes").EnumerateArray().Select(a => a.GetString()));

        // The dashboard's Studies tab: the quickstart (no cron) shows as manual, and each cell links to its run's page.
        var tab = await host.Client.GetStringAsync(new Uri("/hangfire/studies", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<td class=\"schedule\">manual</td>", tab, StringComparison.Ordinal);
        Assert.DoesNotContain("0 0 31 2 *", tab, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/results/runs/api-seed-1\"", tab, StringComparison.Ordinal);
        Assert.Contains("href=\"/hangfire/results/studies/api\"", tab, StringComparison.Ordinal);

        // Again: nothing to queue, both cells answer as succeeded. Then a long study, cancelled while it runs.
        var (again, same) = await host.PostJsonAsync("/api/studies", StudyCliTests.Study("api", """[ { "path": "training.seed", "values": [0, 1] } ]"""));
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.All(same.GetProperty("cells").EnumerateArray(), c => Assert.Equal("succeeded", c.GetProperty("status").GetString()));
        var (_, longStudy) = await host.PostJsonAsync("/api/studies", StudyCliTests.Study("long", """[ { "path": "training.seed", "values": [0, 1] } ]""", epochs: 5000));
        await host.WaitForRunAsync("long-seed-0", r => r.GetProperty("status").GetString() == "training", TimeSpan.FromMinutes(2));
        using var delete = await host.Client.DeleteAsync(new Uri("/api/studies/long", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var cancelled = JsonDocument.Parse(await delete.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(2, cancelled.GetProperty("counts").GetProperty("cancelled").GetInt32());
        Assert.Equal(longStudy.GetProperty("cells").GetArrayLength(), cancelled.GetProperty("cells").GetArrayLength());
        using var missing = await host.Client.GetAsync(new Uri("/api/studies/never", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
