using System.Globalization;
using System.Net;
using System.Text;
using ClipHost.Engine.Data.Store;
using ClipHost.Reports;

namespace ClipHost.Host.Dashboard;

/// <summary>
/// The search page's markup: the query form (a caption, or an image dropped on the page), and a search's hits as
/// cards with the store's own pixels inlined as PNG data. Every text from a store or a request is HTML-escaped.
/// </summary>
public static class RunSearchHtml
{
    /// <summary>Thumbnails are at least this many pixels wide (small stores scale up by whole factors).</summary>
    private const int Thumbnail = 64;

    public const string Style = """
        .search form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0 1rem; }
        .search label { display: flex; flex-direction: column; font-weight: normal; }
        .search #q { min-width: 22rem; }
        .search #dropzone { border: 2px dashed #999; padding: .75rem 1rem; margin: 0 0 1rem; }
        .search #dropzone.over { border-color: #337ab7; background: #eef5fb; }
        .search #drop { display: inline-block; }
        .search ol.hits { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; }
        .search ol.hits figure { width: 8.5rem; margin: 0; font-size: .85em; }
        .search ol.hits img, .search ol.captions img { image-rendering: pixelated; }
        .search ol.captions img { width: 32px; height: 32px; vertical-align: middle; margin-right: .4rem; }
        .search .score { color: #777; }
        .search .error { color: #a94442; }
        """;

    /// <summary>Reads a dropped or chosen image and posts it (base64 JSON, with the antiforgery token) to the page's image endpoint.</summary>
    public const string Script = """
        (() => {
          const form = document.getElementById('search-form');
          const zone = document.getElementById('dropzone');
          const input = document.getElementById('drop');
          const results = document.getElementById('results');
          if (!form || !zone || !input || !results) return;
          const send = async file => {
            const bytes = new Uint8Array(await file.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
            const headers = { 'Content-Type': 'application/json' };
            if (form.dataset.antiforgeryHeader) headers[form.dataset.antiforgeryHeader] = form.dataset.antiforgeryToken;
            const body = { store: form.elements.store.value, split: form.elements.split.value || null, k: Number(form.elements.k.value), image: btoa(binary) };
            results.setAttribute('aria-busy', 'true');
            const response = await fetch(zone.dataset.action, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
            results.outerHTML = await response.text();
          };
          input.addEventListener('change', () => { if (input.files.length) send(input.files[0]); });
          zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
          zone.addEventListener('dragleave', () => zone.classList.remove('over'));
          zone.addEventListener('drop', e => { e.preventDefault(); zone.classList.remove('over'); if (e.dataTransfer.files.length) send(e.dataTransfer.files[0]); });
        })();
        """;

    /// <summary>The caption form (GET: a search is a link one can share) and the drop zone for an image.</summary>
    public static string Form(string pageUrl, RunSearchQuery query, string? antiforgeryHeader, string? antiforgeryToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<form id=\"search-form\" method=\"get\" action=\"{E(pageUrl)}\" data-antiforgery-header=\"{E(antiforgeryHeader)}\" data-antiforgery-token=\"{E(antiforgeryToken)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<label>store<input name=\"store\" value=\"{E(query.Store)}\" size=\"14\" required></label>");
        html.Append("<label>split<select name=\"split\">");
        foreach (var split in new[] { string.Empty, Splits.Train, Splits.Val, Splits.Test })
        {
            var selected = string.Equals(split, query.Split ?? string.Empty, StringComparison.Ordinal) ? " selected" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{split}\"{selected}>{(split.Length == 0 ? "all" : split)}</option>");
        }
        html.Append("</select></label>");
        html.Append(CultureInfo.InvariantCulture, $"<label>caption<input id=\"q\" name=\"q\" value=\"{E(query.Text)}\" placeholder=\"a caption, e.g. red heart\"></label>");
        html.Append(CultureInfo.InvariantCulture, $"<label>hits<input name=\"k\" type=\"number\" min=\"1\" max=\"{Commands.SearchRunCommand.MaxK}\" value=\"{query.K}\" size=\"4\"></label>");
        html.Append("<button type=\"submit\" class=\"btn btn-primary\">Search images</button></form>");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"dropzone\" data-action=\"{E(pageUrl)}/image\">Or drop an image here (or <input id=\"drop\" type=\"file\" accept=\"image/*\">) to find the captions and images nearest it.</div>");
        return html.ToString();
    }

    /// <summary>A search's hits: images first for a caption, captions first for an image; each image links to the search by it.</summary>
    public static string Results(Commands.RunSearch found, ClipStore store, string pageUrl, RunSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(found);
        var html = new StringBuilder();
        var byImage = !found.Query.StartsWith("caption", StringComparison.Ordinal);
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"results\" data-query=\"{(byImage ? "image" : "caption")}\">");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(found.Query)}: {found.Searched} samples of {E(found.Store)}{(found.Split is null ? string.Empty : $" ({E(found.Split)})")}, checkpoint {E(Path.GetFileName(found.Checkpoint))}; {found.Encoded} images encoded for this search.</p>");
        var images = Images(found.Images, store, pageUrl, query);
        var captions = Captions(found.Captions, store);
        html.Append(byImage ? captions + images : images + captions);
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>A refused query, naming the field, in place of the results.</summary>
    public static string Refused(IEnumerable<string> errors) =>
        "<div id=\"results\" data-query=\"refused\">" + string.Concat(errors.Select(e => $"<p class=\"error\">{E(e)}</p>")) + "</div>";

    private static string Images(IReadOnlyList<Commands.SearchHit> hits, ClipStore store, string pageUrl, RunSearchQuery query)
    {
        var html = new StringBuilder("<h2>Nearest images</h2><ol id=\"image-hits\" class=\"hits\">");
        foreach (var hit in hits)
        {
            var byThis = $"{pageUrl}?store={Uri.EscapeDataString(query.Store)}&split={Uri.EscapeDataString(query.Split ?? string.Empty)}&k={query.K}&sample={hit.Id}";
            html.Append(CultureInfo.InvariantCulture, $"<li><figure data-id=\"{hit.Id}\" data-group=\"{E(hit.Group)}\" data-key=\"{E(hit.Key)}\"><a href=\"{E(byThis)}\" title=\"search by this image\">{Image(store, hit)}</a>");
            html.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(hit.Caption)} <span class=\"score\">{hit.Score:F3}</span></figcaption></figure></li>");
        }
        return html.Append("</ol>").ToString();
    }

    private static string Captions(IReadOnlyList<Commands.SearchHit> hits, ClipStore store)
    {
        var html = new StringBuilder("<h2>Nearest captions</h2><ol id=\"caption-hits\" class=\"captions\">");
        foreach (var hit in hits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li data-id=\"{hit.Id}\" data-group=\"{E(hit.Group)}\">{Image(store, hit)}{E(hit.Caption)} <span class=\"score\">{hit.Score:F3}</span></li>");
        }
        return html.Append("</ol>").ToString();
    }

    private static string Image(ClipStore store, Commands.SearchHit hit)
    {
        var png = Convert.ToBase64String(DataReportThumbnails.Png(store, hit.Id, Thumbnail));
        return $"<img src=\"data:image/png;base64,{png}\" alt=\"{E(hit.Caption)}\" width=\"{Thumbnail}\" height=\"{Thumbnail}\">";
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}

/// <summary>What the search form asks: the store and split to search, and a caption or a sample (an image arrives by POST).</summary>
public sealed record RunSearchQuery(string Store, string? Split, string? Text, int? Sample, int K);
