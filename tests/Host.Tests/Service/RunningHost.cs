using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>`clip-host serve` in a child process on a free loopback port, with its own plugins, data and runs folders.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningHost(Process process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string RepoRoot { get; } = typeof(RunningHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool Exited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The environment every test host gets: its folders, the quickstart's config by absolute path, fast plugin scans.</summary>
    public static Dictionary<string, string> Environment(TempDir dir) => new()
    {
        ["CLIPHOST_Data__Root"] = dir.Combine("data"),
        ["CLIPHOST_Runs__Root"] = dir.Combine("runs"),
        ["CLIPHOST_Plugins__Directory"] = dir.Combine("plugins"),
        ["CLIPHOST_Plugins__ScanIntervalMs"] = "500",
        ["CLIPHOST_Experiments__quickstart__File"] = Path.Combine(RepoRoot, "experiments", "quickstart.json"),
        ["CLIPHOST_Torch__Device"] = "cpu",
        ["CLIPHOST_Serve__ShutdownTimeoutSeconds"] = "20",
    };

    /// <summary>Copies the built-in plugins from the built host into the test's plugins folder.</summary>
    public static void InstallBuiltInPlugins(TempDir dir)
    {
        var source = Path.Combine(Path.GetDirectoryName(ClipHostProcess.Dll)!, "plugins");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir.Combine("plugins"), Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host and waits until /api/health answers (or the process exits, which fails the test with its output).</summary>
    /// <paramref name="serveUrls"/> is what `--urls` says when it differs from where the host really listens (Kestrel's own settings).
    public static async Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string> env, string? urls = null, HttpClient? probe = null, string? serveUrls = null)
    {
        var port = FreePort();
        var address = urls ?? $"http://127.0.0.1:{port}";
        var process = ClipHostProcess.Start(["serve", "--urls", serveUrls ?? address], env);
        var host = new RunningHost(process, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Split(';')[0]));
        var client = probe ?? host.Client;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"clip-host serve exited with {process.ExitCode}:\n{host.Output}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri(host.Client.BaseAddress!, "/api/health"), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        await host.DisposeAsync();
        throw new TimeoutException($"clip-host serve did not answer within 60 s:\n{host.Output}");
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Polls GET /api/runs/{id} until the predicate holds; fails with the host's output on timeout.</summary>
    public async Task<JsonElement> WaitForRunAsync(string id, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await GetJsonAsync($"/api/runs/{id}");
            if (until(last))
            {
                return last;
            }
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"run {id} did not reach the expected state within {timeout}; last: {last}\n{Output}");
    }

    /// <summary>
    /// Waits until the host's output satisfies <paramref name="until"/>. The console logger writes from a queue of its
    /// own, so a line logged while a request was served may reach stdout after the response has reached the test.
    /// </summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var output = Output;
        while (!until(output) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            output = Output;
        }
        return output;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as systemd stops the service; waits for the process to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
        Client.Dispose();
    }
}
