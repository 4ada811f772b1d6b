namespace ClipHost.Host.Tests.Service;

/// <summary>Hosts on one PostgreSQL queue must share the runs root: a host that does not see another's marker says so.</summary>
public sealed class SharedRunsRootTests
{
    [Fact]
    public async Task ASecondHostWithItsOwnRunsRoot_SaysItIsNotShared_WhileOneOnTheSameRootIsQuiet()
    {
        using var dir = new TempDir();
        await using var db = await Postgres.CreateAsync();
        var env = await ColoursData.PrepareAsync(dir);
        env["ConnectionStrings__Hangfire"] = db.ConnectionString;
        await using var first = await RunningHost.StartAsync(env);
        await using var same = await RunningHost.StartAsync(env);
        Assert.Equal("ok", (await same.GetJsonAsync("/api/health")).GetProperty("runsRoot").GetString());
        Assert.DoesNotContain("is not the runs root", same.Output, StringComparison.Ordinal);

        var elsewhere = new Dictionary<string, string>(env) { ["CLIPHOST_Runs__Root"] = dir.Combine("other-runs") };
        await using var apart = await RunningHost.StartAsync(elsewhere);
        var health = await apart.GetJsonAsync("/api/health");
        var problem = health.GetProperty("runsRoot").GetString()!;
        Assert.Contains($"host {System.Environment.MachineName}:{first.ProcessId}", problem, StringComparison.Ordinal);
        Assert.Contains(dir.Combine("runs"), problem, StringComparison.Ordinal);
        Assert.Contains("shared storage", problem, StringComparison.Ordinal);
        Assert.Contains("is not the runs root", apart.Output, StringComparison.Ordinal);
    }
}
