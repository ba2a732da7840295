using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Wushe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DefaultTargetGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The platform's default target groups (一老一小、一残一困), held by the country so that every installation has them,
            // not only the demo; fixed ids, so that data and other installations can name them. Read-only to all but the platform admin.
            migrationBuilder.InsertData(
                table: "TargetGroup",
                columns: new[] { "Id", "AreaCode", "Name", "NameEn", "Kind", "Order", "IsActive" },
                values: new object[,]
                {
                    { new Guid("5a6e7400-0000-4000-8000-000000000001"), "000000000000", "独居老人", "Elderly living alone", 1, 10, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000002"), "000000000000", "留守老人", "Left-behind elderly", 1, 20, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000003"), "000000000000", "失能失智老人", "Elderly with disability or dementia", 1, 30, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000004"), "000000000000", "高龄老人", "Oldest old (80+)", 1, 40, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000005"), "000000000000", "事实无人抚养儿童", "De facto unsupported child", 2, 50, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000006"), "000000000000", "留守儿童", "Left-behind child", 2, 60, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000007"), "000000000000", "困境儿童", "Child in difficulty", 2, 70, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000008"), "000000000000", "残疾人", "Person with disability", 3, 80, true },
                    { new Guid("5a6e7400-0000-4000-8000-000000000009"), "000000000000", "低保对象", "Subsistence allowance (dibao)", 4, 90, true },
                    { new Guid("5a6e7400-0000-4000-8000-00000000000a"), "000000000000", "特困人员", "Extreme-poverty support (tekun)", 4, 100, true },
                    { new Guid("5a6e7400-0000-4000-8000-00000000000b"), "000000000000", "低保边缘家庭", "Near-dibao household", 4, 110, true }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000001"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000002"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000003"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000004"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000005"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000006"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000007"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000008"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-000000000009"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-00000000000a"));
            migrationBuilder.DeleteData(table: "TargetGroup", keyColumn: "Id", keyValue: new Guid("5a6e7400-0000-4000-8000-00000000000b"));
        }
    }
}
