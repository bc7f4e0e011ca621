import { useI18n } from '../i18n.tsx';

export function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <div className="columns">
        <section aria-labelledby="home-staff">
          <h2 id="home-staff">{t('home.staff')}</h2>
          <p>{t('home.staffHint')}</p>
          <ul>
            <li><a href="#/login">{t('nav.login')}</a></li>
            <li><a href="#/try">{t('nav.try')}</a></li>
            <li><a href="#/queue">{t('nav.queue')}</a></li>
            <li><a href="#/raids">{t('nav.raids')}</a></li>
            <li><a href="#/cases">{t('nav.cases')}</a></li>
          </ul>
        </section>
        <section aria-labelledby="home-reporters">
          <h2 id="home-reporters">{t('home.reporters')}</h2>
          <p>{t('home.reportersHint')}</p>
          <ul>
            <li><a href="#/report">{t('nav.report')}</a></li>
            <li><a href="#/receipt">{t('nav.receipt')}</a></li>
          </ul>
        </section>
      </div>
    </>
  );
}
