using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ClipHost.Host.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, its own port and socket folder), so the
/// test can stop and start it as an outage without touching the machine's cluster that the other tests share.
/// PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user (through runuser).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _data;
    private readonly string _folder;

    private PrivatePostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
        // A short connect timeout: during the outage every attempt fails fast instead of hanging the test.
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=3;Pooling=true";
    }

    public int Port { get; }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> CreateAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL's initdb is not under /usr/lib/postgresql/<version>/bin: run scripts/test.sh, which installs postgresql");
        var folder = Path.Combine(Path.GetTempPath(), "cliphost-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var pg = new PrivatePostgres(bin!, folder, Service.RunningHost.FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }
        await pg.AsOwnerAsync("initdb", ["-D", pg._data, "-A", "trust", "-U", "postgres", "--no-sync"]);
        await pg.StartAsync();
        return pg;
    }

    /// <summary>Starts (or restarts) the cluster and waits until it accepts connections.</summary>
    public Task StartAsync() => AsOwnerAsync("pg_ctl", ["-D", _data, "-l", Path.Combine(_folder, "log"), "-w", "-t", "30", "start",
        "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off")]);

    /// <summary>Stops it the hard way (`immediate`: no checkpoint, clients cut off), as a crashed or unplugged server would.</summary>
    public Task StopAsync() => AsOwnerAsync("pg_ctl", ["-D", _data, "-m", "immediate", "-w", "stop"]);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    private Task AsOwnerAsync(string tool, IReadOnlyList<string> args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stdout}{await stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await StopAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
