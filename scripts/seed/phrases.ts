import type { DemoLocale } from './customers';

/**
 * Phrase banks for demo comments. `{a|b|c}` picks one alternative; an empty alternative makes
 * a part optional. Written for this seed only (the classifier's dev set must stay unseen).
 */
export type Tone = 'positive' | 'neutral' | 'negative';
export const TOPICS = ['service', 'product', 'delivery', 'price', 'website'] as const;
export type Topic = (typeof TOPICS)[number];

type Bank = Record<Topic, Record<Tone, string[]>>;

const RU: Bank = {
  service: {
    positive: [
      '{Очень вежливый|Внимательный|Доброжелательный} {менеджер|оператор поддержки|консультант}, {всё быстро объяснили|помогли с выбором|ответили на все вопросы}.',
      'Поддержка {ответила за пару минут|решила вопрос в тот же день|быстро разобралась с проблемой}{|, спасибо|, приятно удивили}!',
      '{Отличный|Прекрасный|Очень хороший} сервис{|, как всегда|, всё на высшем уровне}.',
      'Возврат оформили {без лишних вопросов|за один день|очень быстро}{|, деньги пришли через три дня}.',
      'Менеджер {сам перезвонил|заранее предупредил о задержке|подобрал замену, когда товара не оказалось}{|, очень ценю такое отношение}.',
    ],
    neutral: [
      'Поддержка в целом {помогает|нормальная}, но {отвечает долго|приходится ждать ответа по несколько часов}.',
      'Сервис {неплохой|нормальный}, но {не хватает чата в выходные|хотелось бы отвечать быстрее|каждый раз приходится заново называть номер заказа}.',
      'Вопрос решили, но {со второго раза|пришлось писать дважды|не сразу поняли, в чём дело}.',
    ],
    negative: [
      'Поддержка {не отвечает уже неделю|отвечает шаблонами|каждый раз просит описать проблему заново}{|, это очень раздражает}.',
      '{Дозвониться|Связаться с оператором} {невозможно|было почти невозможно}{|, сорок минут на линии|, чат всё время отключается}.',
      'Возврат {тянется уже месяц|до сих пор не оформили|оформляли три недели}{|, деньги так и не вернули}.',
      '{Грубый|Равнодушный|Некомпетентный} {оператор|курьер|менеджер}{|, настроение испорчено|, больше не хочется обращаться}.',
    ],
  },
  product: {
    positive: [
      '{Качество товара|Качество} {отличное|на высоте|лучше, чем ожидалось}{|, всё как на фото|, полностью соответствует описанию}.',
      '{Большой|Огромный|Хороший} выбор{|, всегда нахожу то, что нужно|, есть даже редкие позиции}.',
      '{Заказываю|Покупаю} здесь {уже второй год|постоянно|не первый раз}: {ни разу не подвели|всё всегда в порядке|качество стабильное}.',
      'Товар {пришёл целым|работает отлично|выглядит даже лучше, чем на фото}{|, рекомендую|, буду заказывать ещё}.',
    ],
    neutral: [
      'Товар {нормальный|в целом хороший}, но {упаковка могла быть лучше|инструкция только на английском|описание на сайте неполное}.',
      '{Выбор неплохой|Ассортимент хороший}, но {часто нет нужных размеров|мало новинок|фото не всегда совпадают с товаром}.',
      'Качество {среднее|как у всех}, {ничего особенного|за эти деньги нормально}.',
    ],
    negative: [
      '{Пришёл брак|Товар оказался бракованным|Прислали не тот размер|Прислали не тот цвет}{|, и никто не извинился|, пришлось оформлять возврат}.',
      'Качество {стало хуже|оставляет желать лучшего|не соответствует цене}{|, раньше было лучше}.',
      'Товар {не соответствует описанию|выглядит не так, как на фото|сломался через неделю}.',
      '{Нужного товара|Половины позиций|Моего размера} {постоянно нет в наличии|нет на складе уже месяц}.',
    ],
  },
  delivery: {
    positive: [
      'Доставка {быстрая|очень быстрая|пришла раньше срока|пришла на следующий день}{|, курьер вежливый|, всё аккуратно упаковано}.',
      'Курьер {приехал точно ко времени|позвонил заранее|помог занести заказ}{|, спасибо ему}.',
      '{Удобный|Отличный} пункт выдачи {рядом с домом|возле метро|прямо у работы}{|, забрал заказ за пять минут}.',
    ],
    neutral: [
      'Доставка {нормальная|в срок}, но {интервал слишком широкий|нельзя выбрать время|курьер не всегда звонит заранее}.',
      'Привезли вовремя, но {коробка была мятая|без звонка|пришлось ждать весь день}.',
      'До {нашего города|нас} {идёт долговато|едет почти неделю}, {но в итоге всё пришло|хотя трекинг работает}.',
    ],
    negative: [
      'Доставка {задержалась на неделю|опоздала на пять дней|шла почти месяц}{|, никто не предупредил|, трекинг не обновлялся}.',
      'Курьер {не приехал|опоздал на три часа|не позвонил заранее}{|, пришлось переносить доставку|, весь день ждали зря}.',
      '{Коробка пришла помятой|Посылку повредили при доставке|Заказ потеряли по дороге}{|, товар пострадал}.',
      'Доставка до {нашего города|нас|регионов} {очень медленная|слишком долгая и дорогая}{|, это главная проблема}.',
    ],
  },
  price: {
    positive: [
      'Цены {ниже, чем у конкурентов|адекватные|приятные}{|, часто бывают скидки|, хорошие акции}.',
      '{Хорошие|Щедрые} {скидки|бонусы} для постоянных покупателей{|, уже заметно сэкономили}.',
      '{Соотношение цены и качества|Сочетание цены и качества} {отличное|лучшее из того, что удалось найти}.',
    ],
    neutral: [
      'Цены {нормальные|средние по рынку}, но {хотелось бы больше акций|бесплатная доставка только от большой суммы}.',
      '{Немного дороговато|Дороговато}, но {качество оправдывает|сервис хороший}.',
    ],
    negative: [
      '{Слишком дорого|Цены выросли|Цены заметно выросли за последние месяцы}{|, у конкурентов дешевле|, стало невыгодно}.',
      'Доставка {слишком дорогая|стоит как половина заказа|внезапно стала платной}{|, это неприятно}.',
      'Скидка {не применилась|не сработала при оплате|оказалась только для новых клиентов}{|, ощущение обмана}.',
    ],
  },
  website: {
    positive: [
      '{Удобный|Понятный|Быстрый} {сайт|каталог|личный кабинет}{|, всё легко найти|, заказ оформляется за пару минут}.',
      '{Приложение|Мобильная версия} {работает быстро|очень удобное}{|, нравится отслеживание заказа}.',
    ],
    neutral: [
      'Сайт {нормальный|удобный}, но {поиск можно улучшить|фильтров не хватает|оплата иногда зависает}.',
      'В приложении {всё есть|удобно}, но {уведомлений слишком много|оно медленно загружается}.',
    ],
    negative: [
      '{Сайт|Приложение} {постоянно тормозит|вылетает при оплате|не принимает карту}{|, заказ удалось оформить только с третьего раза}.',
      '{Поиск|Каталог} {работает ужасно|не находит товары по названию|сбрасывает фильтры на каждой странице}.',
    ],
  },
};

const EN: Bank = {
  service: {
    positive: [
      '{Very polite|Helpful|Friendly} {support team|manager|consultant}, {explained everything quickly|helped me choose|answered all my questions}.',
      'Support {replied within minutes|sorted it out the same day|fixed my problem quickly}{|, thank you|, pleasantly surprised}!',
      '{Excellent|Great|Really good} service{|, as always|, top notch}.',
      'The return was {processed without any questions|handled in one day|very quick}{|, money was back in three days}.',
      'The manager {called me back himself|warned me about the delay in advance|offered a replacement when the item was out}{|, I really appreciate that}.',
    ],
    neutral: [
      'Support is {generally helpful|okay}, but {slow to reply|I had to wait hours for an answer}.',
      'Service is {decent|fine}, but {there is no chat at weekends|replies could be faster|I have to repeat my order number every time}.',
      'They solved it, but {only on the second try|I had to write twice|it took a while to understand the issue}.',
    ],
    negative: [
      'Support {has not answered for a week|sends canned replies|asks me to explain the problem again every time}{|, very frustrating}.',
      '{Impossible to reach|Could not reach} {anyone by phone|an operator}{|, forty minutes on hold|, the chat keeps disconnecting}.',
      'My refund {has been pending for a month|still has not been processed|took three weeks}{|, and the money never arrived}.',
      '{Rude|Indifferent|Clueless} {operator|courier|manager}{|, ruined my day|, I do not want to contact them again}.',
    ],
  },
  product: {
    positive: [
      '{Product quality|Quality} is {excellent|superb|better than expected}{|, exactly as pictured|, matches the description}.',
      '{Huge|Great|Wide} selection{|, I always find what I need|, even rare items}.',
      'I have been {ordering here|shopping here} {for two years|regularly|many times}: {never let me down|always fine|consistent quality}.',
      'The item {arrived intact|works perfectly|looks even better than in the photos}{|, recommended|, will order again}.',
    ],
    neutral: [
      'The product is {okay|good overall}, but {the packaging could be better|the manual is only in Russian|the description is incomplete}.',
      '{Decent selection|Good range}, but {sizes are often missing|few new arrivals|photos do not always match the product}.',
      'Quality is {average|like everywhere else}, {nothing special|fine for the price}.',
    ],
    negative: [
      '{The item was defective|I received a broken item|They sent the wrong size|They sent the wrong colour}{|, and nobody apologised|, had to return it}.',
      'Quality {has gone down|leaves a lot to be desired|is not worth the price}{|, it used to be better}.',
      'The product {does not match the description|looks nothing like the photos|broke after a week}.',
      '{The item I need|Half of the catalogue|My size} is {always out of stock|out of stock for a month now}.',
    ],
  },
  delivery: {
    positive: [
      'Delivery was {fast|really quick|earlier than promised|next day}{|, polite courier|, everything neatly packed}.',
      'The courier {came right on time|called ahead|helped carry the order in}{|, thanks to him}.',
      '{Convenient|Great} pickup point {near my home|next to the station|right by my office}{|, collected my order in five minutes}.',
    ],
    neutral: [
      'Delivery was {fine|on time}, but {the time window is too wide|you cannot choose a time|the courier does not always call ahead}.',
      'Arrived on time, but {the box was dented|nobody called first|I had to wait at home all day}.',
      'Shipping to {my city|our country} is {a bit slow|almost a week}, {but it all arrived|though tracking works}.',
    ],
    negative: [
      'Delivery was {a week late|five days late|almost a month}{|, nobody told us|, tracking never updated}.',
      'The courier {never showed up|was three hours late|did not call ahead}{|, had to reschedule|, waited all day for nothing}.',
      '{The box arrived crushed|The parcel was damaged in transit|The order was lost on the way}{|, the item was damaged}.',
      'Shipping to {my city|our country|the regions} is {very slow|too slow and too expensive}{|, that is the main problem}.',
    ],
  },
  price: {
    positive: [
      'Prices are {lower than elsewhere|fair|reasonable}{|, frequent discounts|, good promotions}.',
      '{Nice|Generous} {discounts|loyalty points} for regular customers{|, already saved a lot}.',
      '{Value for money|Price and quality} {is excellent|is the best I have found}.',
    ],
    neutral: [
      'Prices are {okay|average for the market}, but {I would like more promotions|free shipping starts too high}.',
      '{A bit pricey|Rather expensive}, but {the quality justifies it|the service is good}.',
    ],
    negative: [
      '{Way too expensive|Prices went up|Prices have risen a lot in recent months}{|, competitors are cheaper|, no longer worth it}.',
      'Shipping {is too expensive|costs half the order|suddenly is not free anymore}{|, not nice}.',
      'The discount {did not apply|failed at checkout|turned out to be for new customers only}{|, feels like a trick}.',
    ],
  },
  website: {
    positive: [
      '{Easy to use|Clear|Fast} {website|catalogue|account page}{|, everything is easy to find|, checkout takes two minutes}.',
      'The {app|mobile site} is {fast|very convenient}{|, love the order tracking}.',
    ],
    neutral: [
      'The website is {fine|convenient}, but {search could be better|there are not enough filters|payment sometimes hangs}.',
      'The app {has everything|is handy}, but {sends too many notifications|loads slowly}.',
    ],
    negative: [
      'The {website|app} {keeps freezing|crashes at payment|rejects my card}{|, it took three attempts to place the order}.',
      '{Search|The catalogue} {is terrible|cannot find items by name|resets filters on every page}.',
    ],
  },
};

export const BANKS: Record<DemoLocale, Bank> = { ru: RU, en: EN };

/** Lead-ins, sign-offs and one-liners, by tone. */
export const OPENERS: Record<DemoLocale, Record<Tone, string[]>> = {
  ru: {
    positive: ['Всё отлично!', 'Спасибо!', 'Очень понравилось.', 'Рекомендую!', 'Всё супер.'],
    neutral: ['В целом нормально.', 'Неплохо.', 'Есть над чем поработать.', 'Средне.'],
    negative: ['Плохой опыт.', 'Не рекомендую.', 'Очень неприятно.', 'Ужасно.'],
  },
  en: {
    positive: ['All great!', 'Thank you!', 'Loved it.', 'Highly recommend!', 'Super.'],
    neutral: ['Okay overall.', 'Not bad.', 'Room for improvement.', 'So-so.'],
    negative: ['Bad experience.', 'Do not recommend.', 'Very disappointing.', 'Terrible.'],
  },
};

export const CLOSERS: Record<DemoLocale, Record<Tone, string[]>> = {
  ru: {
    positive: ['Буду заказывать ещё!', 'Спасибо команде!', 'Посоветую друзьям.', 'Так держать!'],
    neutral: ['Надеюсь, станет лучше.', 'Пока остаюсь с вами.', 'Было бы отлично это исправить.'],
    negative: ['Больше заказывать не буду.', 'Исправьтесь, пожалуйста.', 'Раньше было лучше.'],
  },
  en: {
    positive: ['Will order again!', 'Thanks to the team!', 'Telling my friends.', 'Keep it up!'],
    neutral: ['Hope it gets better.', 'Staying with you for now.', 'Would be great to fix this.'],
    negative: ['Not ordering again.', 'Please fix this.', 'It used to be better.'],
  },
};

export const ONE_LINERS: Record<DemoLocale, Record<Tone, string[]>> = {
  ru: {
    positive: ['Всё супер!', 'Отлично', 'Спасибо, всё понравилось', 'Лучший магазин', 'Быстро и удобно 👍', '10 из 10'],
    neutral: ['Нормально', 'Средне', 'Могло быть лучше', 'Без восторга', 'Ожидал большего'],
    negative: ['Ужасно.', 'Долго.', 'Дорого.', 'Не понравилось', 'Никогда больше'],
  },
  en: {
    positive: ['All good!', 'Great', 'Love it', 'Best shop', 'Fast and easy 👍', '10/10'],
    neutral: ['Okay', 'Average', 'Could be better', 'Meh', 'Expected more'],
    negative: ['Awful.', 'Too slow.', 'Too expensive.', 'Did not like it', 'Never again'],
  },
};
