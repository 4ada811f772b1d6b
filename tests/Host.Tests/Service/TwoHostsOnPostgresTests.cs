namespace ClipHost.Host.Tests.Service;

/// <summary>Several hosts on one PostgreSQL: one Hangfire queue, each job run once, a killed host's job resumed elsewhere.</summary>
public sealed class TwoHostsOnPostgresTests
{
    [Fact]
    public async Task TenJobsOnTwoHosts_EachRunExactlyOnce()
    {
        using var dir = new TempDir();
        await using var db = await Postgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        UsePostgres(env, db);
        await using var a = await RunningHost.StartAsync(env);
        await using var b = await RunningHost.StartAsync(env);

        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var (_, run) = await (i % 2 == 0 ? a : b).PostJsonAsync("/api/runs", ColoursData.Tiny($"job{i}", epochs: 5));
            ids.Add(run.GetProperty("id").GetString()!);
        }
        var hosts = new HashSet<string>();
        foreach (var id in ids)
        {
            var done = await a.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(6));
            Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
            Assert.Equal(1, done.GetProperty("attempts").GetInt32());
            hosts.Add(done.GetProperty("host").GetString()!);
        }
        Assert.Equal([$"{System.Environment.MachineName}:{a.ProcessId}", $"{System.Environment.MachineName}:{b.ProcessId}"], hosts.Order());

        // Hangfire's own record: every job (10 trainings, 10 evaluations) entered Processing exactly once.
        Assert.Equal(20, await db.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'"));
        Assert.Equal(0, await db.ScalarAsync("SELECT count(*) FROM (SELECT jobid FROM hangfire.state WHERE name = 'Processing' GROUP BY jobid HAVING count(*) > 1) AS repeated"));
    }

    /// <summary>
    /// Long enough that the kill lands mid-run (the first checkpoint comes after 100 of its steps), short enough
    /// that the survivor finishes well inside the wait on a loaded 2-core CI machine (~15 tiny steps/s there).
    /// </summary>
    private const int CrashEpochs = 300;

    [Fact]
    public async Task SigkillOfTheHostRunningATraining_AnotherHostResumesItFromItsCheckpoint()
    {
        using var dir = new TempDir();
        await using var db = await Postgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        UsePostgres(env, db);
        await using var a = await RunningHost.StartAsync(env);
        await using var b = await RunningHost.StartAsync(env);

        var (_, submitted) = await a.PostJsonAsync("/api/runs", ColoursData.Tiny("crash", epochs: CrashEpochs, checkpointEvery: 100, evaluate: false));
        var id = submitted.GetProperty("id").GetString()!;
        var latest = Path.Combine(dir.Combine("runs"), id, "checkpoints", "latest");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!File.Exists(latest) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(latest), "no checkpoint was written");
        var running = await a.GetJsonAsync($"/api/runs/{id}");
        var victim = running.GetProperty("host").GetString()!.EndsWith($":{a.ProcessId}", StringComparison.Ordinal) ? a : b;
        var survivor = victim == a ? b : a;
        victim.Kill();

        var done = await survivor.WaitForRunAsync(id, r => r.GetProperty("finished").GetBoolean(), TimeSpan.FromMinutes(6));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(2, done.GetProperty("attempts").GetInt32());
        Assert.True(done.GetProperty("resumedFromStep").GetInt64() >= 100);
        Assert.Equal($"{System.Environment.MachineName}:{survivor.ProcessId}", done.GetProperty("host").GetString());
        Assert.Equal(CrashEpochs * 4, done.GetProperty("progress").GetProperty("step").GetInt64());
    }

    internal static void UsePostgres(Dictionary<string, string> env, Postgres db)
    {
        env["ConnectionStrings__Hangfire"] = db.ConnectionString;
        // A dead host's job is handed over after 10 s without its heartbeat (300 s in production).
        env["CLIPHOST_Jobs__InvisibilityTimeoutSeconds"] = "10";
        env["CLIPHOST_Jobs__PollIntervalMs"] = "300";
    }
}
