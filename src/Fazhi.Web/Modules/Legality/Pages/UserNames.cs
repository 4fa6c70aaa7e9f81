using Fazhi.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Pages;

/// <summary>Who did it, as staff know them: a user's 显示名 instead of the login name, 系统 for the platform's own jobs
/// (demo data, timers), 公众 for an anonymous caller.</summary>
public sealed class UserNames
{
    private readonly Dictionary<string, string> _names;

    private UserNames(Dictionary<string, string> names) => _names = names;

    public static UserNames Empty { get; } = new([]);

    public static async Task<UserNames> LoadAsync(FazhiDb db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct().ToList();
        if (wanted.Count == 0)
            return Empty;
        var found = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return new(found.Where(u => u.UserName is not null && !string.IsNullOrWhiteSpace(u.DisplayName)).ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal));
    }

    public string this[string? userName] => userName switch
    {
        null or "" => "—",
        "system" => "系统",
        "anonymous" => "公众",
        _ => _names.GetValueOrDefault(userName) ?? userName,
    };
}
