using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// Who may do what: loopback and beyond-loopback hosts x no, wrong and right credentials x every endpoint and
/// dashboard action (with the path in its own case and upper case) x same-origin, cross-origin and no Origin (a
/// tool, not a browser). The rule every cell must follow: beyond loopback without the right credential, 401; a
/// state-changing request from another origin, 403; otherwise the endpoint's own answer. Requests that get through
/// are harmless (unknown ids, refused bodies), so the matrix can run them all.
/// </summary>
public sealed partial class AccessMatrixTests
{
    private const string Key = "matrix-key";
    private const string User = "admin";
    private const string Password = "s3cret";

    private enum Creds
    {
        None,
        Wrong,
        Right,
    }

    private enum From
    {
        SameOrigin,
        CrossOrigin,
        NoOrigin,
    }

    private sealed record Endpoint(string Method, string Path, string? Body, string? ContentType, int Allowed)
    {
        public bool Dashboard => Path.StartsWith("/hangfire", StringComparison.OrdinalIgnoreCase);

        public bool Changes => Method is not ("GET" or "HEAD");

        public Endpoint Shouted() => this with { Path = Dashboard ? "/HANGFIRE" + Path["/hangfire".Length..] : "/API" + Path["/api".Length..], Allowed = AnyAllowed };
    }

    /// <summary>For paths spelled in another case only "not refused" is asserted: what the endpoint then says is its own business.</summary>
    private const int AnyAllowed = -1;

    private static readonly Endpoint[] Endpoints =
    [
        new("GET", "/api/health", null, null, 200),
        new("GET", "/api/plugins", null, null, 200),
        new("GET", "/api/runs", null, null, 200),
        new("GET", "/api/runs/no-such-run", null, null, 404),
        new("GET", "/api/subsets/no-such-subset", null, null, 404),
        new("POST", "/api/runs", """{ "name": "matrix" }""", "application/json", 400),
        new("DELETE", "/api/runs/no-such-run", null, null, 404),
        new("POST", "/api/runs/no-such-run/embed", """{ "texts": ["a"] }""", "application/json", 404),
        new("POST", "/api/sweeps", """{ "experiment": { "name": "matrix" } }""", "application/json", 400),
        new("GET", "/api/studies", null, null, 200),
        new("GET", "/api/studies/no-such-study", null, null, 404),
        new("POST", "/api/studies", """{ "name": "matrix" }""", "application/json", 400),
        new("DELETE", "/api/studies/no-such-study", null, null, 404),
        new("GET", "/api/recipes/searches", null, null, 200),
        new("GET", "/api/recipes/searches/no-such-search", null, null, 404),
        new("POST", "/api/recipes/search", """{ "name": "matrix" }""", "application/json", 400),
        new("POST", "/api/imports", """{ "source": "no-such-source" }""", "application/json", 400),
        new("POST", "/api/filters", """{ "store": "no-such-store", "subset": "s", "filters": [] }""", "application/json", 400),
        new("GET", "/hangfire", null, null, 200),
        new("GET", "/hangfire/recurring", null, null, 200),
        new("GET", "/hangfire/runs", null, null, 200),
        new("GET", "/hangfire/results", null, null, 200),
        new("GET", "/hangfire/results/runs/no-such-run", null, null, 404),
        new("GET", "/hangfire/results/searches/no-such-search", null, null, 404),
        new("GET", "/hangfire/results/runs/no-such-run/search?q=a", null, null, 404),
        new("POST", "/hangfire/results/runs/no-such-run/search/image", """{ "store": "emoji", "image": "AAAA" }""", "application/json", 404),
        new("GET", "/hangfire/results/files/no-such-run/config.json", null, null, 404),
        new("GET", "/hangfire/results/figures/runs/no-such-run/loss.png", null, null, 404),
        new("POST", "/hangfire/recurring/trigger", "jobs%5B%5D=no-such-job", "application/x-www-form-urlencoded", 204),
        new("POST", "/hangfire/recurring/remove", "jobs%5B%5D=no-such-job", "application/x-www-form-urlencoded", 204),
        new("POST", "/hangfire/jobs/enqueued/delete", "jobs%5B%5D=no-such-job", "application/x-www-form-urlencoded", 204),
    ];

    [Fact]
    public async Task OnLoopback_EveryCellFollowsTheRule()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        await using var host = await RunningHost.StartAsync(RunningHost.Environment(dir));
        await AssertMatrixAsync(host, beyondLoopback: false);
    }

    [Fact]
    public async Task BeyondLoopback_EveryCellFollowsTheRule()
    {
        using var dir = new TempDir();
        RunningHost.InstallBuiltInPlugins(dir);
        using var probe = new HttpClient();
        probe.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var env = RunningHost.Environment(dir);
        env["CLIPHOST_Serve__ApiKey"] = Key;
        env["CLIPHOST_Serve__DashboardUser"] = User;
        env["CLIPHOST_Serve__DashboardPassword"] = Password;
        await using var host = await RunningHost.StartAsync(env, $"http://0.0.0.0:{RunningHost.FreePort()}", probe);
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        await AssertMatrixAsync(host, beyondLoopback: true);
    }

    private static async Task AssertMatrixAsync(RunningHost host, bool beyondLoopback)
    {
        var origin = host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var client = new HttpClient(cookies) { BaseAddress = host.Client.BaseAddress };
        var token = await AntiforgeryTokenAsync(client, beyondLoopback);

        var rows = new List<string>();
        var wrong = new List<string>();
        var creds = beyondLoopback ? new[] { Creds.None, Creds.Wrong, Creds.Right } : [Creds.None, Creds.Right];
        foreach (var endpoint in Endpoints.Concat(Endpoints.Select(e => e.Shouted())))
        {
            foreach (var cred in creds)
            {
                foreach (var from in Enum.GetValues<From>())
                {
                    var expected = beyondLoopback && cred != Creds.Right ? 401 : endpoint.Changes && from == From.CrossOrigin ? 403 : endpoint.Allowed;
                    var actual = await SendAsync(client, endpoint, cred, from, origin, token);
                    // A dashboard form posted to a path in another case loses the antiforgery cookie (cookie paths keep their case): a 403 there is still a refusal.
                    var ok = expected == AnyAllowed ? actual != 401 && actual < 500 && (actual != 403 || (endpoint.Dashboard && endpoint.Changes)) : actual == expected;
                    var row = $"{(beyondLoopback ? "beyond" : "loopback"),-8} {endpoint.Method,-6} {endpoint.Path,-34} {cred,-5} {from,-11} expected {(expected == AnyAllowed ? "allowed" : expected.ToString(System.Globalization.CultureInfo.InvariantCulture)),-7} got {actual}";
                    rows.Add(row);
                    if (!ok)
                    {
                        wrong.Add(row);
                    }
                }
            }
        }
        // The dashboard's own forms also need the page's antiforgery token: same origin, right credentials, no token, refused.
        foreach (var endpoint in Endpoints.Where(e => e.Dashboard && e.Changes))
        {
            var actual = await SendAsync(client, endpoint, Creds.Right, From.SameOrigin, origin, token: null);
            var row = $"{(beyondLoopback ? "beyond" : "loopback"),-8} {endpoint.Method,-6} {endpoint.Path,-34} Right SameOrigin  no antiforgery token: expected 403 got {actual}";
            rows.Add(row);
            if (actual != 403)
            {
                wrong.Add(row);
            }
        }
        TestContext.Current.SendDiagnosticMessage(string.Join('\n', rows));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {rows.Count} cells broke the rule:\n{string.Join('\n', wrong)}\n{host.Output}");
        // Nothing that got through may have queued work.
        Assert.Empty((await host.GetJsonAsync("/api/runs")).EnumerateArray());
    }

    private static async Task<int> SendAsync(HttpClient client, Endpoint endpoint, Creds cred, From from, string origin, (string Header, string Value)? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Body is not null)
        {
            request.Content = new StringContent(endpoint.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(endpoint.ContentType!);
        }
        if (cred != Creds.None)
        {
            var right = cred == Creds.Right;
            request.Headers.Add("X-Api-Key", right ? Key : "wrong-key");
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{(right ? Password : "wrong")}")));
        }
        switch (from)
        {
            case From.SameOrigin:
                request.Headers.Add("Origin", origin);
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
                break;
            case From.CrossOrigin:
                request.Headers.Add("Origin", "http://evil.example");
                request.Headers.Add("Sec-Fetch-Site", "cross-site");
                break;
            case From.NoOrigin:
                break;
        }
        if (endpoint.Dashboard && endpoint.Changes)
        {
            // The page's own token: a cross-origin attacker could not read it, so sending it shows the Origin check stands alone.
            if (token is not null)
            {
                request.Headers.Add(token.Value.Header, token.Value.Value);
            }
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Loads a dashboard page as its user would and reads the antiforgery token Hangfire puts in it.</summary>
    private static async Task<(string Header, string Value)> AntiforgeryTokenAsync(HttpClient client, bool beyondLoopback)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        if (beyondLoopback)
        {
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var header = Meta(html, "csrf-header");
        var value = Meta(html, "csrf-token");
        Assert.True(header is not null && value is not null, $"no antiforgery token in the dashboard page:\n{html[..Math.Min(3000, html.Length)]}");
        return (header, value);
    }

    private static string? Meta(string html, string name) =>
        MetaPattern().Matches(html).FirstOrDefault(m => m.Groups[1].Value == name) is { } m ? WebUtility.HtmlDecode(m.Groups[2].Value) : null;

    [GeneratedRegex("<meta name=\"([a-z-]+)\" content=\"([^\"]*)\"")]
    private static partial Regex MetaPattern();
}
