using System.Net;
using System.Text;
using System.Text.Json;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// Issue 14's reproductions against the service, each the attack as it was found: the key bypassed by case, Kestrel's
/// own endpoint settings exposing an unprotected service, a text/plain cross-site submission, a foreign Host header,
/// malformed JSON answered with an empty 400, and a request that made the service install software.
/// </summary>
public sealed class ServeHardeningTests
{
    private const string Key = "test-key-123";

    [Fact]
    public async Task TheApiKey_IsRequiredWhateverTheCaseOfThePath()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        await using var host = await StartBeyondLoopbackAsync(dir);

        foreach (var path in new[] { "/api/runs", "/API/runs", "/Api/Runs", "/api/RUNS", "/API/health", "//api/runs", "/api%2Fruns" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path));
            using var answer = await host.Client.SendAsync(get, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without the key: {(int)answer.StatusCode}");
        }
        foreach (var path in new[] { "/API/runs", "/API/imports", "/Api/Filters" })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(ColoursData.Tiny("bypass"), Encoding.UTF8, "application/json") };
            using var answer = await host.Client.SendAsync(post, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.Unauthorized, $"POST {path} without the key: {(int)answer.StatusCode}");
        }
        Assert.False(Directory.Exists(dir.Combine("runs")) && Directory.EnumerateFileSystemEntries(dir.Combine("runs")).Any(), "a run folder was created");
    }

    [Fact]
    public async Task KestrelEndpointsBeyondLoopbackWithoutCredentials_AreRefusedAtStart()
    {
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        var port = RunningHost.FreePort();
        // Kestrel's own endpoint settings override Serve:Urls: the service must judge what it actually binds.
        env["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}";
        var result = await ClipHostProcess.RunAsync(["serve"], env);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.All}");
        Assert.Contains("configuration error: Serve.ApiKey: required when listening beyond loopback", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"0.0.0.0:{port}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KestrelEndpointsBeyondLoopbackWithCredentials_NeedTheKey_AndTheLogNamesTheRealAddress()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        var env = Credentials(RunningHost.Environment(dir));
        var port = RunningHost.FreePort();
        env["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}";
        using var probe = new HttpClient();
        probe.DefaultRequestHeaders.Add("X-Api-Key", Key);
        // Serve:Urls still says loopback (another port); Kestrel binds 0.0.0.0 and that is what counts.
        await using var host = await RunningHost.StartAsync(env, $"http://0.0.0.0:{port}", probe, serveUrls: $"http://127.0.0.1:{RunningHost.FreePort()}");
        using var anonymous = await host.Client.GetAsync(new Uri("/api/runs", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var serving = $"Serving on http://0.0.0.0:{port}";
        Assert.Contains(serving, await host.WaitForOutputAsync(o => o.Contains(serving, StringComparison.Ordinal), TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForeignHostHeader_IsRefused_OnLoopback()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        await using var host = await RunningHost.StartAsync(RunningHost.Environment(dir));
        foreach (var (path, method) in new[] { ("/api/runs", HttpMethod.Get), ("/hangfire", HttpMethod.Get), ("/api/runs", HttpMethod.Post) })
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Host = "evil.example";
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent(ColoursData.Tiny("rebind"), Encoding.UTF8, "application/json");
            }
            using var answer = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} with Host evil.example: {(int)answer.StatusCode}");
        }
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        local.Headers.Host = $"localhost:{host.Client.BaseAddress!.Port}";
        using var ok = await host.Client.SendAsync(local, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
    }

    [Fact]
    public async Task ACrossSiteTextPlainSubmission_QueuesNothing()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        await using var host = await RunningHost.StartAsync(env);
        // What a page on another origin can send without a preflight: text/plain, its own Origin.
        using var simple = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(ColoursData.Tiny("csrf"), Encoding.UTF8, "text/plain") };
        simple.Headers.Add("Origin", "http://evil.example");
        using var refused = await host.Client.SendAsync(simple, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // Same origin but not JSON: refused too, so no form or text/plain body can ever queue work.
        using var plain = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = new StringContent(ColoursData.Tiny("plain"), Encoding.UTF8, "text/plain") };
        using var unsupported = await host.Client.SendAsync(plain, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Contains("application/json", await unsupported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
    }

    [Theory]
    [InlineData("/api/imports", "{ \"source\": \"csv\", ")]
    [InlineData("/api/imports", "[1, 2]")]
    [InlineData("/api/imports", "")]
    [InlineData("/api/filters", "{ \"store\": ")]
    [InlineData("/api/runs", "{ \"name\": ")]
    public async Task MalformedJson_IsRefusedWithAFieldError(string path, string body)
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        await using var host = await RunningHost.StartAsync(RunningHost.Environment(dir));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var answer = await host.Client.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(text), $"POST {path} with '{body}': an empty 400");
        var error = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("body", error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task ARealSourceImportRequest_NeverRunsAnInstaller()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        var env = RunningHost.Environment(dir);
        // Installers that leave a trace when run: the service must not run either, as root or not.
        var bin = dir.Combine("bin");
        var trace = dir.Combine("installer-ran");
        foreach (var tool in new[] { "apt-get", "npm" })
        {
            var script = dir.Write($"bin/{tool}", $"#!/bin/sh\necho \"{tool} $*\" >> '{trace}'\nexit 1\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        env["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        await using var host = await RunningHost.StartAsync(env);

        var (status, body) = await host.PostJsonAsync("/api/imports", """{ "source": "emoji", "name": "emoji" }""");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        if (status == HttpStatusCode.Accepted)
        {
            // Queued: wait for the job to give up (it must, naming what to install and where).
            while (DateTime.UtcNow < deadline && !host.Output.Contains("install", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("clip-host data import emoji", body.ToString(), StringComparison.Ordinal);
        }
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.False(File.Exists(trace), $"the service ran an installer: {(File.Exists(trace) ? File.ReadAllText(trace) : "")}\n{host.Output}");
        Assert.False(Directory.Exists(dir.Combine("data", "stores", "emoji")));
    }

    internal static Dictionary<string, string> Credentials(Dictionary<string, string> env)
    {
        env["CLIPHOST_Serve__ApiKey"] = Key;
        env["CLIPHOST_Serve__DashboardUser"] = "admin";
        env["CLIPHOST_Serve__DashboardPassword"] = "s3cret";
        return env;
    }

    private static async Task<RunningHost> StartBeyondLoopbackAsync(TempDir dir)
    {
        using var probe = new HttpClient();
        probe.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return await RunningHost.StartAsync(Credentials(RunningHost.Environment(dir)), $"http://0.0.0.0:{RunningHost.FreePort()}", probe);
    }
}
