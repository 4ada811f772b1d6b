using System.Net;
using System.Text.Json;
using ClipHost.Host.Tests.Service;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// The job storage (PostgreSQL) goes away under a running service: health says so, a submission is refused rather
/// than half-recorded, and once the database is back every queued run finishes, each exactly once.
/// </summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task DuringAnOutage_HealthIs503AndASubmissionIsRefusedWithoutARecord_AfterItARunTrains()
    {
        using var dir = new TempDir();
        await using var pg = await PrivatePostgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        UsePostgres(env, pg);
        await using var host = await RunningHost.StartAsync(env);
        Assert.Equal("ok", (await host.GetJsonAsync("/api/health")).GetProperty("status").GetString());

        await pg.StopAsync();

        var (healthStatus, health) = await GetAsync(host, "/api/health");
        Assert.True(healthStatus == HttpStatusCode.ServiceUnavailable, $"GET /api/health during the outage: {(int)healthStatus} {health}");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("PostgreSQL", health.GetProperty("error").GetString(), StringComparison.Ordinal);

        using (var content = new StringContent(ColoursData.Tiny("outage", evaluate: false), System.Text.Encoding.UTF8, "application/json"))
        using (var response = await host.Client.PostAsync(new Uri("/api/runs", UriKind.Relative), content, TestContext.Current.CancellationToken))
        {
            var refusal = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"POST /api/runs during the outage: {(int)response.StatusCode} '{refusal}'");
            Assert.Contains("storage", JsonDocument.Parse(refusal).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateFileSystemEntries(dir.Combine("runs")).Any(d => Path.GetFileName(d).StartsWith("outage", StringComparison.Ordinal)),
            "the refused run left a folder under the runs root");

        await pg.StartAsync();
        await WaitForHealthyAsync(host);
        var (accepted, submitted) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny("after", evaluate: false));
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        var done = await host.WaitForRunAsync(submitted.GetProperty("id").GetString()!, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(3));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
    }

    [Fact]
    public async Task DatabaseStoppedAndRestartedMidQueue_EveryQueuedRunFinishesExactlyOnce()
    {
        const int Runs = 3;
        using var dir = new TempDir();
        await using var pg = await PrivatePostgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        UsePostgres(env, pg);
        await using var host = await RunningHost.StartAsync(env);
        var ids = new List<string>();
        for (var i = 0; i < Runs; i++)
        {
            var (status, run) = await host.PostJsonAsync("/api/runs", ColoursData.Tiny($"queue{i}", epochs: 25, checkpointEvery: 20));
            Assert.Equal(HttpStatusCode.Accepted, status);
            ids.Add(run.GetProperty("id").GetString()!);
        }
        // The outage starts while the first run trains and the others wait in the queue.
        await host.WaitForRunAsync(ids[0], r => r.GetProperty("status").GetString() == "training", TimeSpan.FromMinutes(2));
        await pg.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        await pg.StartAsync();

        foreach (var id in ids)
        {
            var done = await host.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(4));
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
            Assert.True(done.GetProperty("metrics").EnumerateObject().Any(), $"run {id} finished without its evaluation: {done}");
        }
        // Hangfire's own record: one training and one evaluation job per run, each succeeded once.
        Assert.Equal(2 * Runs, await pg.ScalarAsync("SELECT count(*) FROM hangfire.job"));
        Assert.Equal(2 * Runs, await pg.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'"));
        Assert.Equal(0, await pg.ScalarAsync("SELECT count(*) FROM (SELECT jobid FROM hangfire.state WHERE name = 'Succeeded' GROUP BY jobid HAVING count(*) > 1) AS repeated"));
    }

    private static void UsePostgres(Dictionary<string, string> env, PrivatePostgres pg)
    {
        env["ConnectionStrings__Hangfire"] = pg.ConnectionString;
        env["CLIPHOST_Jobs__InvisibilityTimeoutSeconds"] = "10";
        env["CLIPHOST_Jobs__PollIntervalMs"] = "300";
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(RunningHost host, string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static async Task WaitForHealthyAsync(RunningHost host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var (status, body) = await GetAsync(host, "/api/health");
            if (status == HttpStatusCode.OK)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"health did not recover within 30 s of the database's return: {body}\n{host.Output}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
