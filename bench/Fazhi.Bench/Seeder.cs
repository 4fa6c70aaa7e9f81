using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Bench;

/// <summary>
/// Writes the province as the system would have it before the year's records arrive: the org tree and the catalogue
/// through FazhiDb (audited, as an administrator's edits would be), the certificates and the inspection plans by COPY
/// (hundreds of thousands and millions of rows; a real platform gets them through imports over months).
/// </summary>
internal static class Seeder
{
    public static async Task OrgTreeAndCatalogueAsync(IServiceProvider services, World world)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDb>();
        var order = 0;
        OrgUnit Unit(string code, string name, OrgKind kind, OrgUnit? parent)
        {
            var unit = new OrgUnit
            {
                Code = code, Name = name, Kind = kind, Parent = parent, Path = OrgUnit.PathOf(parent, code), Depth = (parent?.Depth ?? -1) + 1,
                SortOrder = order++,
            };
            db.OrgUnits.Add(unit);
            return unit;
        }

        var province = Unit(World.ProvinceCode, "山东省", OrgKind.Province, null);
        var sft = Unit(World.ProvinceCode + "-SFT", "山东省司法厅", OrgKind.JusticeBureau, province);
        var cities = world.Cities.ToDictionary(c => c.Code, c => Unit(c.Code, c.Name, OrgKind.City, province));
        foreach (var (code, name) in world.Cities)
            Unit(code + "-SFJ", name + "司法局", OrgKind.JusticeBureau, cities[code]);
        var departments = new List<(Department Spec, OrgUnit Unit)>();
        var bureaus = new List<(District Spec, OrgUnit Unit)>();
        foreach (var d in world.Districts)
        {
            var district = Unit(d.Code, d.Name, OrgKind.District, cities[d.CityCode]);
            bureaus.Add((d, Unit(d.Code + "-SFJ", d.Name + "司法局", OrgKind.JusticeBureau, district)));
            foreach (var dept in d.Departments)
                departments.Add((dept, Unit(dept.Code, dept.Name, OrgKind.EnforcementDepartment, district)));
        }
        await db.SaveChangesAsync();
        foreach (var (spec, unit) in departments)
            spec.Id = unit.Id;

        var items = new List<(ItemSpec Spec, EnforcementItem Entity)>();
        EnforcementItem Item(ItemSpec spec, int owner)
        {
            var item = new EnforcementItem
            {
                OrgUnitId = owner, Code = spec.Code, Name = spec.Name, Field = spec.Field, LegalBasis = "《中华人民共和国行政处罚法》及相关法律法规",
                ResponsibleDepartment = World.Kinds[spec.KindIndex].Name, TownLevel = spec.TownLevel, TownClass = spec.TownLevel ? "一类" : null,
                Benchmarks = [.. Enumerable.Range(0, 3).Select(l => new DiscretionLevel
                {
                    Level = ItemSpec.Levels[l], MinFen = spec.Range(l).Min * 100, MaxFen = spec.Range(l).Max * 100,
                })],
            };
            items.Add((spec, item));
            return item;
        }
        db.EnforcementItems().AddRange(world.ProvinceItems.SelectMany(k => k).Select(s => Item(s, sft.Id)));
        foreach (var (spec, unit) in bureaus)
            db.EnforcementItems().AddRange(spec.LocalItems.Select(s => Item(s, unit.Id)));
        await db.SaveChangesAsync();
        foreach (var (spec, entity) in items)
            spec.Id = entity.Id;
    }

    public static async Task<int> OfficersAsync(NpgsqlConnection conn, World world)
    {
        var count = 0;
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY enf_officers ("OrgUnitId", "Name", "IdNumber", "CertificateNumber", "Field", "IssuedOn", "ExpiresOn", "Status", "StatusSince",
              "StatusReason", "Version", reviews, status_history) FROM STDIN (FORMAT BINARY)
            """);
        foreach (var dept in world.AllDepartments)
            foreach (var o in dept.Officers)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(dept.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync(o.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync(o.IdNumber, NpgsqlDbType.Varchar);
                await copy.WriteAsync(o.Certificate, NpgsqlDbType.Varchar);
                await copy.WriteAsync(o.Field, NpgsqlDbType.Varchar);
                await copy.WriteAsync(o.IssuedOn, NpgsqlDbType.Date);
                await copy.WriteAsync(o.ExpiresOn, NpgsqlDbType.Date);
                await copy.WriteAsync(o.Status.ToString(), NpgsqlDbType.Varchar);
                if (o.StatusSince is { } since) await copy.WriteAsync(since, NpgsqlDbType.Date); else await copy.WriteNullAsync();
                if (o.StatusSince is not null) await copy.WriteAsync("违法违纪，撤销执法证", NpgsqlDbType.Varchar); else await copy.WriteNullAsync();
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await copy.WriteAsync("[]", NpgsqlDbType.Jsonb); // status_history: null would fail the 无证执法 rule
                count++;
            }
        await copy.CompleteAsync();
        await copy.DisposeAsync();

        // A year of training (enf_officer_training, one row per officer and year) for those trained: 60 hours, exam passed.
        var ids = new Dictionary<string, long>(count);
        await using (var cmd = new NpgsqlCommand("""SELECT "Id", "CertificateNumber" FROM enf_officers""", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                ids[reader.GetString(1)] = reader.GetInt64(0);
        await using var training = await conn.BeginBinaryImportAsync(
            "COPY enf_officer_training (officer_id, year, hours, exam_score, exam_passed) FROM STDIN (FORMAT BINARY)");
        foreach (var o in world.AllDepartments.SelectMany(d => d.Officers).Where(o => o.Trained))
        {
            await training.StartRowAsync();
            await training.WriteAsync(ids[o.Certificate], NpgsqlDbType.Bigint);
            await training.WriteAsync(world.Year, NpgsqlDbType.Integer);
            await training.WriteAsync(60m, NpgsqlDbType.Numeric);
            await training.WriteAsync(86m, NpgsqlDbType.Numeric);
            await training.WriteAsync(true, NpgsqlDbType.Boolean);
        }
        await training.CompleteAsync();
        return count;
    }

    /// <summary>The plan entries by COPY. The monthly roll-up (enf_plan_months) follows by itself: the table's
    /// statement-level triggers count each COPY's entries into it, as they do for every other writer.</summary>
    public static async Task PlansAsync(NpgsqlConnection conn, World world, IReadOnlyList<PlanRow> plans)
    {
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY enf_inspection_plans ("OrgUnitId", "Year", "Month", "TargetCreditCode", "TargetName", "Items", "FiledOn", "JointInspectionId")
            FROM STDIN (FORMAT BINARY)
            """);
        var filed = new DateOnly(world.Year - 1, 12, 20);
        foreach (var p in plans)
        {
            copy.StartRow();
            copy.Write(p.DepartmentId, NpgsqlDbType.Integer);
            copy.Write(world.Year, NpgsqlDbType.Integer);
            copy.Write(p.Month, NpgsqlDbType.Integer);
            copy.Write(p.CreditCode, NpgsqlDbType.Varchar);
            copy.Write(p.TargetName, NpgsqlDbType.Varchar);
            copy.Write(p.Items, NpgsqlDbType.Varchar);
            copy.Write(filed, NpgsqlDbType.Date);
            copy.WriteNull();
        }
        await copy.CompleteAsync();
    }
}
