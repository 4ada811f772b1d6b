using ClipHost.Reports;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// A results page inside the dashboard's layout (its nav, its credentials beyond loopback): the generator's body with
/// its style and script; 404 when the page names nothing (an id that is no run, a study that is not there).
/// </summary>
public sealed class ResultsRazorPage(Func<ResultsLinks, DashboardContext, ResultsPage?> render) : RazorPage
{
    public override void Execute()
    {
        var page = render(ResultsLinks.Served(Url.To(ResultsRoutes.Prefix)), Context);
        Layout = new LayoutPage(page?.Title ?? "Not found");
        if (page is null)
        {
            Context.Response.StatusCode = 404;
            WriteLiteral($"<h1 class=\"page-header\">Not found</h1><p>No such run or study. <a href=\"{Url.To(ResultsRoutes.Prefix)}\">All runs</a></p>");
            return;
        }
        WriteLiteral($"<style>{ResultsHtml.Style}</style>");
        WriteLiteral(page.Body);
        WriteLiteral($"<script>{ResultsHtml.Script}</script>");
    }
}
