// Check-in (issue 9). The organizer's code screen reloads when its code changes (every minute);
// the volunteer's check-in form sends the phone's position where the activity has a geofence.
(function () {
  const screen = document.querySelector('[data-changes-at]');
  if (screen) {
    const at = Date.parse(screen.dataset.changesAt);
    const wait = Math.max(1000, (isNaN(at) ? 60000 : at - Date.now()) + 500);
    setTimeout(() => location.reload(), Math.min(wait, 61000));
  }

  const form = document.getElementById('check-in-form');
  if (!form || !form.dataset.fence) return;
  const lat = form.querySelector('[name="Scan.Latitude"]');
  const lon = form.querySelector('[name="Scan.Longitude"]');
  const status = document.getElementById('position-status');
  const english = document.documentElement.lang === 'en';
  if (!navigator.geolocation) {
    if (status) status.textContent = english ? 'This phone cannot report its position.' : '本手机无法获取位置。';
    return;
  }
  navigator.geolocation.getCurrentPosition(p => {
    lat.value = p.coords.latitude.toFixed(6);
    lon.value = p.coords.longitude.toFixed(6);
    if (status) status.textContent = english ? 'Position found.' : '已获取当前位置。';
  }, () => {
    // Only activities with a check-in radius need it: say so, rather than ask every volunteer for their position.
    if (status) status.textContent = english ? 'No position: activities with a check-in radius need this page to be allowed your position.'
      : '未获取到位置：设置了签到范围的活动，需允许本页面使用您的位置。';
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
})();
