using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Web;

/// <summary>
/// Base of Fazhi's pages: runs a shared handler and turns its refusals into form errors in Chinese, so a page
/// and the API answer bad input with the same messages. A flash message survives the redirect after a post.
/// </summary>
public abstract class FazhiPageModel : PageModel
{
    [TempData] public string? Message { get; set; }

    protected async Task<T?> TryAsync<T>(Func<Task<T>> action) where T : class
    {
        try
        {
            return await action();
        }
        catch (FazhiValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var m in messages)
                    ModelState.AddModelError(field, m);
        }
        catch (Exception e) when (e is NotFoundException or OutOfScopeException or ConflictException or ForbiddenException)
        {
            ModelState.AddModelError("", e.Message);
        }
        return null;
    }

    protected async Task<bool> TryAsync(Func<Task> action) =>
        await TryAsync(async () => { await action(); return new object(); }) is not null;

    /// <summary>The value the refused form posted under <paramref name="key"/> (null on a GET), so the form shows it again.</summary>
    public string? Posted(string key) => Request.HasFormContentType && Request.Form.TryGetValue(key, out var v) ? v.ToString() : null;

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The messages of refused fields a form does not show (e.g. the action date of a form without one), so that
    /// no refusal goes unseen; page-wide errors (key "") are shown at the top already.</summary>
    public IReadOnlyList<string> ErrorsOutside(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. ModelState.Where(e => e.Key.Length > 0 && !shown.Contains(e.Key)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage)];
    }

    /// <summary>This page's address with the request's query string (filters, sort) and <paramref name="page"/> as the page
    /// number in <paramref name="parameter"/> (<c>p</c> unless a page names it otherwise): the links of a list's pager.</summary>
    public string PageLink(int page, string parameter = "p")
    {
        var q = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(Request.Query.Where(kv => !string.Equals(kv.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? ""))))
        {
            { parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Request.PathBase + Request.Path + q.ToQueryString();
    }

    /// <summary>The request's query string without its empty parameters (an empty date field is not a date), for links
    /// that carry a list's filters elsewhere, such as 导出.</summary>
    public string FilledQuery() => QueryString.Create(Request.Query
        .Where(p => !string.IsNullOrWhiteSpace(p.Value.ToString()))
        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))).ToUriComponent();
}
