using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ClipHost.Host.Tests.Service;

/// <summary>Open on loopback; beyond loopback only with credentials, and refused to start without them.</summary>
public sealed class SecurityTests
{
    [Fact]
    public async Task BeyondLoopbackWithoutCredentials_IsRefusedAtStart()
    {
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        var result = await ClipHostProcess.RunAsync(["serve", "--urls", $"http://0.0.0.0:{RunningHost.FreePort()}"], env);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration error: Serve.ApiKey: required when listening beyond loopback", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Serve.DashboardUser/DashboardPassword", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeyondLoopback_ApiNeedsTheKey_AndTheDashboardNeedsBasicAuth()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        var env = RunningHost.Environment(dir);
        env["CLIPHOST_Serve__ApiKey"] = "test-key-123";
        env["CLIPHOST_Serve__DashboardUser"] = "admin";
        env["CLIPHOST_Serve__DashboardPassword"] = "s3cret";
        using var probe = new HttpClient();
        probe.DefaultRequestHeaders.Add("X-Api-Key", "test-key-123");
        await using var host = await RunningHost.StartAsync(env, $"http://0.0.0.0:{RunningHost.FreePort()}", probe);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/api/health"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/api/runs", ("X-Api-Key", "wrong")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/api/runs", ("X-Api-Key", "test-key-123")));

        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        using var denied = await host.Client.SendAsync(anonymous, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Contains("Basic", denied.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(host, "/hangfire", ("Authorization", Basic("admin", "wrong"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/hangfire", ("Authorization", Basic("admin", "s3cret"))));
    }

    [Fact]
    public async Task OnLoopback_ApiAndDashboardAnswerWithoutCredentials()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        await using var host = await RunningHost.StartAsync(RunningHost.Environment(dir));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/api/runs"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/hangfire"));
    }

    [Fact]
    public async Task ASecretInASettingsFile_IsRefusedAtStart()
    {
        using var dir = new TempDir();
        var env = RunningHost.Environment(dir);
        env["DOTNET_ENVIRONMENT"] = "SecretsTest";
        // appsettings.<Environment>.json beside the executable is read like appsettings.json itself.
        var settings = Path.Combine(Path.GetDirectoryName(ClipHostProcess.Dll)!, "appsettings.SecretsTest.json");
        File.WriteAllText(settings, """{ "Serve": { "ApiKey": "committed-by-mistake" }, "ConnectionStrings": { "Hangfire": "Host=db;Password=hunter2" } }""");
        try
        {
            var result = await ClipHostProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{RunningHost.FreePort()}"], env);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("Serve.ApiKey: a secret must not be in", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings.Hangfire: a connection string with a password must not be in", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(settings);
        }
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static async Task<HttpStatusCode> StatusAsync(RunningHost host, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            if (name == "Authorization")
            {
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(value);
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
