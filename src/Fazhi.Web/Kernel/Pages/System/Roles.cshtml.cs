using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Pages.System;

public sealed class RolesModel(UserService users) : PageModel
{
    public sealed record Row(string Code, string Name, string Description, int Members);

    public List<Row> Rows { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await users.ListAsync(null, ct);
        foreach (var (code, name) in Roles.All)
            Rows.Add(new Row(code, name, Roles.DescriptionOf(code), all.Count(u => u.Roles.Contains(code))));
    }
}
